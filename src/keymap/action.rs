//! Everything a person can ask of the TUI. Keys map to these in `keymap`; only
//! `update` acts on them.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    // Moving around
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Collapse,
    Expand,
    Open,
    Back,
    SwitchPane,
    ScrollUp,
    ScrollDown,
    // Periods
    PreviousPeriod,
    NextPeriod,
    // Views
    ShowRisks,
    StartTriage,
    CycleGrouping,
    ShowTargets,
    /// Writes the period's report (Word) into the current folder.
    WriteReport,
    /// Asks to close the period's figures (chốt số liệu), then does it on
    /// Enter.
    ClosePeriod,
    ShowHelp,
    Quit,
    // Finding
    StartSearch,
    NextMatch,
    PreviousMatch,
    OpenFilter,
    ClearFilters,
    // Editing
    PickStatus,
    ProgressUp,
    ProgressDown,
    TypeProgress,
    TypeDue,
    AddNote,
    AddEvidence,
    Undo,
    /// A target's new result, on the targets view.
    EnterResult,
    /// A task of the office's own, in the group under the cursor.
    AddTask,
    /// The office's own task under the cursor, its text and deadline.
    EditTask,
    /// The officer in charge of the selected task.
    SetAssignee,
    /// Takes back a note or a document of the selected task.
    Withdraw,
    // Triage decisions (progress and note reuse the board's)
    MarkDone,
    Extend,
    ToggleAgenda,
    Skip,
    GoBack,
    EndTriage,
    // Meeting mode
    Present,
    NextSlide,
    PreviousSlide,
    /// Jump to slide N (1-based), from the number keys.
    GoToSlide(u8),
    FirstSlide,
    Blank,
    Larger,
    Reload,
    // Dialogs and text boxes
    Confirm,
    Cancel,
    Save,
    NextField,
    PreviousField,
    CursorLeft,
    CursorRight,
    CursorHome,
    CursorEnd,
    DeleteBack,
    DeleteForward,
    /// A typed character, in text boxes only (never in the key table).
    Insert(char),
}

impl Action {
    /// Whether it asks to change the store: refused on a read-only screen,
    /// and not offered there.
    pub fn edits(self) -> bool {
        matches!(
            self,
            Action::PickStatus
                | Action::ProgressUp
                | Action::ProgressDown
                | Action::TypeProgress
                | Action::TypeDue
                | Action::AddNote
                | Action::AddEvidence
                | Action::Undo
                | Action::EnterResult
                | Action::AddTask
                | Action::EditTask
                | Action::SetAssignee
                | Action::Withdraw
                | Action::MarkDone
                | Action::Extend
                | Action::ToggleAgenda
        )
    }
}
