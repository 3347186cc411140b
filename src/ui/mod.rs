//! Building blocks every screen uses: form parts (`form`), loading from the
//! server (`load`), the sample-data badge and the skip link's target. No
//! page frame here (that is `frame`), and nothing that knows a feature.

pub mod form;
pub mod later;
pub mod load;
mod read_aloud;
mod sample;
mod skip_link;

pub use later::Later;
pub use load::{Keep, Loaded, Remote, load};
pub use read_aloud::ReadAloud;
pub use sample::SampleBadge;
pub use skip_link::{SkipLink, focus_main};
