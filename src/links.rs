//! Links that start a call, a text or an email from a phone number or an
//! address, written once so every card dials the same way.

/// Only the digits and a leading `+`: spaces, dashes and brackets break
/// some phones' dialers.
fn dialable(phone: &str) -> String {
    phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect()
}

/// A phone number as a `tel:` link.
pub fn tel_href(phone: &str) -> String {
    format!("tel:{}", dialable(phone))
}

/// A phone number as an `sms:` link.
pub fn sms_href(phone: &str) -> String {
    format!("sms:{}", dialable(phone))
}

/// An email address as a `mailto:` link.
pub fn mailto_href(email: &str) -> String {
    format!("mailto:{}", email.trim())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_dialled_without_spaces_or_dashes() {
        assert_eq!(tel_href("0151 000 0100"), "tel:01510000100");
        assert_eq!(tel_href("+44 151 000-0100"), "tel:+441510000100");
        assert_eq!(sms_href("07700 900999"), "sms:07700900999");
        assert_eq!(mailto_href(" zara@mail.example "), "mailto:zara@mail.example");
    }
}
