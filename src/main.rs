fn main() {
    pathway::start();
}
