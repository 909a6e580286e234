//! A target's new result, entered on the targets view: the form, and its
//! saving through the application (`Operation::Measure`), as the command
//! line's `cchc target set` saves it.

use super::*;
use crate::domain::TargetDef;
use crate::screen::state::ResultForm;

/// Opens the result form on the selected target: the value to type, today's
/// date ready to be typed over, the source to name.
pub(super) fn open_result_form(app: &App, ui: &mut Ui) {
    if app.is_read_only() {
        return flash_read_only(ui);
    }
    let Some(def) = app.plan().targets().get(ui.target_selected) else {
        return;
    };
    ui.overlay = Some(Overlay::Result(ResultForm {
        target: def.id.clone(),
        date: LineEdit::selected(&format_date(app.clock().today)),
        ..ResultForm::default()
    }));
}

/// Tab and Enter go from field to field; Enter on the last saves, Esc
/// cancels. A refusal keeps the form open with why, and writes nothing.
pub(super) fn result_form(app: &mut App, ui: &mut Ui, action: Action) {
    let Some(Overlay::Result(mut form)) = ui.overlay.take() else {
        return;
    };
    let last = ResultForm::FIELDS - 1;
    match action {
        Action::Cancel => return,
        Action::NextField => form.focus = (form.focus + 1) % ResultForm::FIELDS,
        Action::PreviousField => form.focus = (form.focus + last) % ResultForm::FIELDS,
        Action::Confirm if form.focus < last => form.focus += 1,
        Action::Confirm => match save_result(app, ui, &form) {
            Ok(()) => return,
            Err(why) => form.error = Some(why),
        },
        other => {
            if edit_line(form.field(), other) {
                form.error = None;
            }
        }
    }
    ui.overlay = Some(Overlay::Result(form));
}

/// Saves the form's result; the words of the refusal otherwise.
fn save_result(app: &mut App, ui: &mut Ui, form: &ResultForm) -> Result<(), String> {
    let lang = ui.lang;
    let Some(def) = app.plan().target(&form.target).cloned() else {
        let unknown = InputError::UnknownTarget(form.target.clone());
        return Err(i18n::input_error(&unknown, lang));
    };
    let (value, on) = typed_result(&def, form).map_err(|e| i18n::input_error(&e, lang))?;
    let source = Some(form.source.text.trim()).filter(|s| !s.is_empty());
    let written = app
        .measure(&def.id, value, Some(on), source)
        .map_err(|e| i18n::app_error(&e, lang))?;
    ui.last_saved = written.last().map(|entry| entry.at);
    flash_info(ui, i18n::result_saved(&def, value, on, lang));
    Ok(())
}

/// The value and day as typed; whether they are in range is the
/// application's to say.
fn typed_result(
    def: &TargetDef,
    form: &ResultForm,
) -> Result<(f64, chrono::NaiveDate), InputError> {
    let value = input::target_value(&form.value.text, def.qualitative)?;
    Ok((value, input::date(&form.date.text)?))
}
