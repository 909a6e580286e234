//! What a person typed on the command line (an area, a unit, a period, a
//! filter, a progress, a number), checked against the plan.

use super::{CliError, args};
use crate::app::{App, HistoryFilter, TaskFilter};
use crate::domain::InputError;
use crate::domain::error::TextField;
use crate::domain::input;
use crate::domain::period::Period;
use crate::domain::text::{MAX_SHORT_TEXT_CHARS, validate_text};

/// Selects the period typed with `--period`, if any.
pub(super) fn select_period(app: &mut App, typed: Option<&str>) -> Result<(), CliError> {
    if let Some(typed) = typed {
        let period =
            Period::parse(typed).ok_or_else(|| InputError::BadPeriod(typed.to_string()))?;
        app.set_period(period);
    }
    Ok(())
}

pub(super) fn parse_area(app: &App, typed: Option<&str>) -> Result<Option<u8>, InputError> {
    typed
        .map(|a| {
            a.trim()
                .parse::<u8>()
                .ok()
                .filter(|n| app.plan().area(*n).is_some())
                .ok_or_else(|| InputError::UnknownArea(a.to_string()))
        })
        .transpose()
}

pub(super) fn parse_unit(app: &App, typed: Option<&str>) -> Result<Option<String>, InputError> {
    typed
        .map(|u| {
            app.plan()
                .unit_by_typed_code(u)
                .map(|unit| unit.code.clone())
                .ok_or_else(|| app.unknown_unit(u))
        })
        .transpose()
}

pub(super) fn task_filter(app: &App, list: &args::ListArgs) -> Result<TaskFilter, CliError> {
    let area = parse_area(app, list.area.as_deref())?;
    let unit = parse_unit(app, list.unit.as_deref())?;
    let status = list.status.as_deref().map(input::status).transpose()?;
    let search = list
        .search
        .as_deref()
        .map(|s| validate_text(s, TextField::Search, MAX_SHORT_TEXT_CHARS, false))
        .transpose()?;
    Ok(TaskFilter {
        area,
        unit,
        status,
        overdue: list.overdue,
        due_by: list.due_before.as_deref().map(input::date).transpose()?,
        search,
        assignee: list
            .assignee
            .as_deref()
            .map(|s| validate_text(s, TextField::Assignee, MAX_SHORT_TEXT_CHARS, false))
            .transpose()?,
    })
}

pub(super) fn history_filter(
    app: &App,
    id: Option<String>,
    since: Option<String>,
) -> Result<HistoryFilter, CliError> {
    let since = since.as_deref().map(input::date).transpose()?;
    let Some(id) = id else {
        return Ok(HistoryFilter {
            since,
            ..HistoryFilter::default()
        });
    };
    let id = id.trim().to_string();
    if let Some(target) = app
        .plan()
        .targets()
        .iter()
        .find(|t| t.id.eq_ignore_ascii_case(&id))
    {
        return Ok(HistoryFilter {
            target: Some(target.id.clone()),
            since,
            ..HistoryFilter::default()
        });
    }
    let (task, occurrence) =
        crate::domain::TaskKey::parse(&id).ok_or_else(|| InputError::UnknownTask(id.clone()))?;
    if app.plan().task(&task).is_none() {
        return Err(InputError::UnknownTask(id).into());
    }
    let typed = if occurrence.is_some() {
        app.resolve(&id)?.to_string()
    } else {
        task
    };
    Ok(HistoryFilter {
        task: Some(typed),
        since,
        ..HistoryFilter::default()
    })
}
