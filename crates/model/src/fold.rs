//! Lower case without Unicode's tables. `str::to_lowercase` brings a
//! ~12 KB table into the app's wasm (every young person's first download),
//! for letters the offer, her words and the glossary almost never hold.
//! This covers ASCII, the Latin letters of Western and Central European
//! languages, Greek and Cyrillic; any other letter is kept as it is (so a
//! search for it must match its case). Used where text is compared, never
//! where it is shown.

/// `c` in lower case, for the letters above; any other `c` unchanged.
pub fn lower_char(c: char) -> char {
    let n = c as u32;
    let lower = match n {
        0x41..=0x5A => n + 32,
        // À-Þ, but not × (0xD7).
        0xC0..=0xDE if n != 0xD7 => n + 32,
        // Latin Extended-A: pairs of capital then small (Ā ā … Ž ž), with
        // the run from Ĺ to Ň and from Ÿ-Ž shifted by one.
        0x100..=0x137 | 0x14A..=0x177 if n % 2 == 0 && n != 0x130 => n + 1,
        0x139..=0x148 | 0x179..=0x17E if n % 2 == 1 => n + 1,
        0x178 => 0xFF,
        // Greek capitals (not the gap at 0x3A2) and Cyrillic.
        0x391..=0x3A9 if n != 0x3A2 => n + 32,
        0x410..=0x42F => n + 32,
        0x400..=0x40F => n + 80,
        _ => n,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// `text` in lower case, as `lower_char` does it.
pub fn lower(text: &str) -> String {
    text.chars().map(lower_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowers_what_people_here_write_as_unicode_does() {
        for text in
            ["Bus Pass", "CAFÉ", "Łódź ŻÓŁĆ", "ŞTEFAN Ţară", "ČEŠTINA Ňň", "ΑΘΗΝΑ", "МОСКВА ЁЖ", "ÆØÅ", "Ÿ", "İ"]
        {
            if text == "İ" {
                // The dotted capital I lowers to two chars in Unicode: kept.
                assert_eq!(lower(text), "İ");
                continue;
            }
            assert_eq!(lower(text), text.to_lowercase(), "{text}");
        }
    }

    #[test]
    fn leaves_everything_else_as_it_is() {
        assert_eq!(lower("× £2,000 ١٢ اردو 日本"), "× £2,000 ١٢ اردو 日本");
    }

    #[test]
    fn agrees_with_unicode_on_every_letter_it_changes() {
        for n in 0..0x500u32 {
            let Some(c) = char::from_u32(n) else { continue };
            let ours = lower_char(c);
            if ours != c {
                assert_eq!(c.to_lowercase().collect::<String>(), ours.to_string(), "U+{n:04X}");
            }
        }
    }
}
