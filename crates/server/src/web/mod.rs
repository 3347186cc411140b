//! Everything that is not the JSON API: the built app from `dist/`, with
//! cache headers that suit the service worker, and the security headers
//! every response carries.

pub mod app_shell;
pub mod headers;
pub mod share_page;
pub mod static_files;
