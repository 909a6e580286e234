//! Words of the command line: its listings and messages, its help texts,
//! what it says about the store's owner process, and what it says about a
//! spreadsheet of tasks it reads.

mod help;
mod listings;
mod office;
mod owner;
mod task_import;
mod task_sheet;

pub use help::*;
pub use listings::*;
pub use office::*;
pub use owner::*;
pub use task_import::*;
pub use task_sheet::*;
