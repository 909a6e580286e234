//! Words of the command line: its listings and messages, its help texts,
//! and what it says about the store's owner process.

mod help;
mod listings;
mod office;
mod owner;

pub use help::*;
pub use listings::*;
pub use office::*;
pub use owner::*;
