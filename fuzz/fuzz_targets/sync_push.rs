#![no_main]
libfuzzer_sys::fuzz_target!(|data: &[u8]| pathway_fuzz::sync_push::run(data));
