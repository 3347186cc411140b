//! Making one-time codes (their shape: pathway_model::code) and the
//! QR code a PA shows with one. Only a code's hash is stored, like a
//! session token's, so a copy of the database cannot be used to sign in.

use pathway_model::code::{CODE_ALPHABET, CODE_LEN};
use qrcode::QrCode;
use qrcode::render::svg;
use rand::Rng;

use super::session;
use crate::error::ApiError;

/// A new random code, normalised (no dash).
pub fn new_code() -> String {
    let mut rng = rand::rngs::OsRng;
    (0..CODE_LEN).map(|_| CODE_ALPHABET[rng.gen_range(0..CODE_ALPHABET.len())] as char).collect()
}

/// What the database keeps of a normalised code.
pub fn hash(code: &str) -> String {
    session::token_hash(code)
}

/// `text` as a QR code: an SVG document sized by its viewBox, so the page
/// decides how big it is drawn. Black on white, with the quiet zone.
pub fn qr_svg(text: &str) -> Result<String, ApiError> {
    let code = QrCode::new(text.as_bytes()).map_err(|e| ApiError::Internal(format!("qr: {e}")))?;
    Ok(code.render::<svg::Color>().min_dimensions(200, 200).quiet_zone(true).build())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_eight_characters_of_the_alphabet_and_differ() {
        let a = new_code();
        assert_eq!(a.len(), CODE_LEN);
        assert!(a.bytes().all(|b| CODE_ALPHABET.contains(&b)));
        assert_eq!(pathway_model::code::normalise(&a).as_deref(), Some(a.as_str()));
        assert_ne!(a, new_code());
    }

    #[test]
    fn a_qr_code_is_an_svg_image() {
        let svg = qr_svg("https://pathway.example/login?code=K7QM4PXD").unwrap();
        assert!(svg.contains("<svg") && svg.contains("</svg>"));
    }
}
