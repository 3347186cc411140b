//! What counts as a UK phone number: a leaf, because both the field rules
//! (`record::check`) and the people pages need it.

/// Why `s` is not a UK phone number a phone can dial, or `None` if it is.
/// Accepts 999 and 111, short codes of 5 or 6 digits (Shout's 85258,
/// Samaritans' 116 123), and 8 to 11 digit numbers starting 0 or +44
/// (Childline's 0800 1111 has 8),
/// with spaces where people put them.
pub fn phone_problem(s: &str) -> Option<&'static str> {
    let trimmed = s.trim();
    if trimmed.is_empty() {
        return Some("must not be empty");
    }
    if trimmed.chars().count() > 20 {
        return Some("must be at most 20 characters");
    }
    if !trimmed.chars().all(|c| c.is_ascii_digit() || c == ' ' || c == '+') {
        return Some("must be digits and spaces only");
    }
    let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
    let national = match trimmed.strip_prefix("+44") {
        Some(_) => format!("0{}", &digits[2..]),
        None if trimmed.contains('+') => return Some("must be a UK number"),
        None => digits,
    };
    let ok = matches!(national.as_str(), "999" | "111" | "112")
        || (national.len() == 5 || national.len() == 6) && !national.starts_with('0')
        || (8..=11).contains(&national.len()) && national.starts_with('0');
    if ok { None } else { Some("must be a UK phone number, like 0151 496 0100") }
}
