#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| pathway_fuzz::stored_records::run(data));
