import { errorText } from './guards';

// What went wrong, as a code and its parameters: the core never writes sentences for runners.
// components/problem-text.ts turns each code into words from _locales (message "problem_<code>"),
// so the German UI never shows English. A parameter may itself be a problem (a subject, a
// duration, a reason inside "Skipped: …"), rendered first.

export type ProblemParam = string | number | Problem | readonly Problem[];

/** Each code and its parameters, in the order the messages' $1, $2, … use them. */
export interface ProblemParams {
  // Subjects and units that other problems name.
  subject_activity: [];
  subject_session: [];
  subject_track: [];
  subject_activity_id: [id: string];
  duration_days: [days: number];
  duration_hours: [hours: number];
  duration_seconds: [seconds: number];
  /** A problem about one file or entry of several: "name: problem". */
  in_entry: [entry: string, problem: Problem];
  skipped: [problem: Problem];

  // Whole files (core/files/import-files.ts).
  file_empty: [];
  file_too_large: [mb: number];
  file_too_large_to_read: [];
  file_compressed_too_often: [];
  file_gzip_empty: [];
  file_zip_nested: [];
  file_xml_unknown: [];
  file_export_list_nested: [];
  file_type_unknown: [];
  file_unreadable: [detail: string];
  file_time_zone_unknown: [timeZone: string];
  file_no_activity: [];
  upload_undecodable: [];

  // Plausibility (core/files/summary.ts).
  start_missing: [subject: Problem];
  start_before_1990: [subject: Problem, start: string];
  start_in_future: [subject: Problem, start: string];
  distance_implausible: [subject: Problem, km: number];
  moving_implausible: [subject: Problem, duration: Problem];
  elapsed_implausible: [subject: Problem, duration: Problem];
  elapsed_below_moving: [subject: Problem, elapsed: Problem, moving: Problem];

  // Zip and gzip (zip-archive.ts, gzip.ts).
  zip_empty: [];
  zip_out_of_range: [];
  zip_too_short: [];
  zip_no_directory: [];
  zip_too_many_files: [];
  zip_directory_misplaced: [];
  zip_directory_past_end: [];
  zip_directory_unreadable: [];
  zip_entry_missing: [entry: string];
  zip_entry_encrypted: [entry: string];
  zip_entry_method: [entry: string, method: number];
  zip_entry_too_large: [entry: string, mb: number];
  zip_entry_cut_short: [entry: string];
  zip_entry_expands_too_much: [entry: string, mb: number];
  zip_entry_corrupt: [entry: string];
  zip_entry_checksum: [entry: string];
  zip_nested_too_deep: [];
  zip_too_many_entries: [max: number];
  zip_entries_overlap: [first: string, second: string];
  import_too_much_data: [mb: number];
  import_too_many_entries: [max: number];
  archive_bomb: [what: string, ratio: number];
  gzip_expands_too_much: [mb: number];
  gzip_corrupt: [];
  gzip_header_short: [];
  gzip_checksum: [];

  // FIT (fit-decoder.ts, fit-activity.ts).
  fit_no_signature: [];
  fit_trailing_bytes: [bytes: number];
  fit_header_checksum: [];
  fit_protocol_newer: [version: number];
  fit_no_data_size: [];
  fit_truncated: [bytes: number];
  fit_definition_cut: [byte: number];
  fit_byte_order: [byte: number, value: number];
  fit_undefined_local_type: [byte: number, local: number];
  fit_message_cut: [byte: number];
  fit_checksum: [];
  fit_no_checksum: [];
  fit_too_many_chained: [];
  fit_not_activity: [types: readonly Problem[]];
  fit_also_holds: [types: readonly Problem[]];
  fit_type_device_info: [];
  fit_type_settings: [];
  fit_type_sport_settings: [];
  fit_type_activity: [];
  fit_type_workout: [];
  fit_type_course: [];
  fit_type_schedules: [];
  fit_type_weight: [];
  fit_type_totals: [];
  fit_type_goals: [];
  fit_type_blood_pressure: [];
  fit_type_monitoring: [];
  fit_type_activity_summary: [];
  fit_type_monitoring_daily: [];
  fit_type_monitoring_b: [];
  fit_type_segment: [];
  fit_type_segment_list: [];
  fit_type_device_config: [];
  fit_type_other: [type: number];
  fit_truncated_nothing: [];
  fit_session_no_start: [];
  fit_laps_no_start: [];
  fit_records_no_time: [];
  fit_nothing: [];
  fit_start_from_first_point: [];
  fit_session_far_from_records: [start: string, firstPoint: string];
  fit_elapsed_below_timer: [elapsed: number, timer: number, span: number];
  fit_transitions: [count: number];
  fit_totals_from_laps: [];
  fit_totals_from_records: [];
  fit_clock_not_set: [timeZone: string];
  fit_repeated_sessions: [count: number];

  // Track points of any reader (track-summary.ts).
  track_stale_lead: [points: number, gap: Problem, dropped: string, start: string];

  // GPX and TCX.
  gpx_damaged: [];
  gpx_route: [];
  gpx_no_points: [];
  gpx_no_activity: [];
  gpx_no_sport: [];
  tcx_no_sport: [];
  gpx_moving_estimated: [];
  tcx_damaged: [];
  tcx_course: [];
  tcx_no_activity: [];
  tcx_activity_no_start: [];

  // Strava's and Garmin's account exports.
  csv_not_strava: [];
  csv_no_activity: [];
  csv_bad_id: [id: string];
  csv_bad_date: [date: string];
  strava_csv_too_many_rows: [max: number];
  csv_sports_localized_read: [examples: string];
  csv_sports_localized_other: [examples: string];
  garmin_export_no_id: [];
  garmin_export_multisport: [];
  garmin_export_no_start: [];
  garmin_export_seconds: [];
  garmin_export_metres: [];
  garmin_export_unreadable: [count: number];

  // Site pages (core/sites/*), shown in the popup.
  site_strava_page: [problem: Problem];
  site_strava_page_because: [why: Problem, problem: Problem];
  strava_page_data_late: [];
  strava_page_no_page_view: [];
  site_strava_list: [problem: Problem];
  site_garmin: [problem: Problem];
  site_implausible: [items: readonly Problem[]];
  site_implausible_activity: [id: string, problem: Problem];
  site_too_many_activities: [count: number, max: number];
  /** A page sent more than its rate allows (core/site-message-rate.ts): reading waits. */
  site_reading_paused: [];
  strava_page_signed_out: [];
  strava_page_no_owner: [];
  strava_page_other_athlete: [];
  strava_page_no_data: [];
  strava_page_no_id: [];
  strava_page_wrong_activity: [dataId: string, urlId: string];
  strava_page_no_sport: [];
  strava_page_no_start: [];
  strava_dom_no_edit_link: [];
  strava_dom_no_sport: [];
  strava_dom_no_start: [];
  strava_dom_no_distance: [];
  strava_dom_no_time: [];
  strava_list_empty: [];
  strava_list_web_page: [];
  strava_list_plain_text: [];
  strava_list_not_json: [];
  strava_list_array: [];
  strava_list_not_object: [type: string];
  strava_list_streams: [streams: string];
  strava_list_error: [message: string];
  strava_list_no_models: [];
  garmin_what_list: [];
  garmin_what_activity: [];
  garmin_empty: [what: Problem];
  garmin_web_page: [what: Problem];
  garmin_plain_text: [what: Problem];
  garmin_not_json: [];
  garmin_wrong_type: [what: Problem, type: string];
  garmin_activity_types: [what: Problem];
  garmin_hr_zones: [what: Problem];
  garmin_list_no_ids: [what: Problem];
  garmin_samples: [what: Problem];
  garmin_statistics: [what: Problem];
  garmin_device: [what: Problem];
  garmin_error: [what: Problem, message: string];
  garmin_changed: [what: Problem];
  garmin_search_changed: [];
  garmin_single_not_list: [];
  garmin_list_not_single: [];
  garmin_wrong_activity: [bodyId: string, requestId: string];
  garmin_viewer_unknown: [];

  // Activities checked before they are stored (core/activity-validation.ts).
  field_source_id: [];
  field_sport_label: [];
  field_name: [];
  field_distance: [];
  field_moving_time: [];
  field_elapsed_time: [];
  activity_not_object: [];
  activity_no_sources: [];
  activity_bad_source: [source: string];
  activity_number_invalid: [field: Problem];
  activity_number_negative: [field: Problem, value: number];
  activity_number_over_limit: [field: Problem, value: number, max: number];
  activity_text_invalid: [field: Problem];
  activity_text_empty: [field: Problem];
  activity_text_too_long: [field: Problem, max: number];
  activity_start_invalid: [];
  activity_start_before_1980: [start: string];
  activity_start_in_future: [start: string];
  activity_local_date_invalid: [date: string];
  activity_local_date_mismatch: [date: string, start: string];
  activity_sport_unknown: [sport: string];
  activity_duplicate_source: [source: string, id: string];

  // Messages refused by the background (core/messages.ts).
  request_refused: [problem: Problem];
  request_foreign_sender: [];
  request_no_sender_address: [];
  request_sender_not_accepted: [host: string];
  request_malformed: [];
  request_not_from_page: [type: string];
  request_unknown_type: [type: string];
  request_activities_not_list: [];
  request_too_many_activities: [count: number, max: number];
  request_in_activity: [index: number, problem: Problem];
  request_source_not_allowed: [index: number, source: string];
  request_site_data_kind: [];
  request_site_data_wrong_site: [kind: string, site: string];
  request_site_data_url: [];
  request_site_data_status: [];
  request_site_data_text: [];
  request_site_data_too_large: [mb: number];
  request_upload_fields: [];
  request_upload_too_large: [name: string, mb: number];
  request_upload_not_base64: [];
  request_settings_patch: [];
  request_rest_mark: [];
  request_list_range: [];
  request_update_fields: [];
  request_field_not_editable: [field: string];
  request_sport_unknown: [];
  request_name_too_long: [max: number];
  request_delete_all_confirm: [];
  request_delete_keys: [];
  request_import_log: [];
  request_backup_text: [];
  request_backup_too_large: [mb: number];
  request_backup_piece: [];
  request_site_only: [];
  action_failed: [detail: string];

  // Check-ins, backups and settings refused (core/check-in.ts, backup-format.ts, settings.ts).
  checkin_not_object: [];
  checkin_no_date: [];
  checkin_pain_range: [min: number, max: number];
  checkin_answer_yes_no: [answer: string];
  checkin_place: [];
  checkin_flags: [];
  checkin_nothing: [];
  checkin_pain_first: [];
  backup_not_json: [detail: string];
  backup_no_format: [];
  backup_no_version: [];
  backup_newer_version: [version: number];
  backup_no_activities: [];
  backup_repeats_activity: [index: number, first: number];
  backup_no_rest_or_checkins: [];
  backup_rest_day_not_date: [index: number];
  backup_checkin_damaged: [index: number, problem: Problem];
  backup_settings_damaged: [field: string, problem: Problem];
  backup_piece_missing: [index: number];
  backup_export_gone: [];
  restore_busy: [];
  settings_not_object: [];
  settings_unknown: [name: string];
  settings_preset: [presets: string];
  settings_number: [unit: Problem];
  settings_integer: [unit: Problem];
  settings_range: [min: number, max: number, unit: Problem];
  /** A limit that 0 turns off: 0, or the range. */
  settings_range_or_off: [min: number, max: number, unit: Problem];
  settings_unit_days: [];
  settings_unit_runs: [];
  settings_unit_pct: [];
  settings_unit_km: [];
  settings_sports_list: [sports: string];
  settings_no_sports: [];
  settings_sport_in_both: [];
  settings_units: [];
  settings_week_start: [];
  settings_on_off: [];
  settings_run_days: [];
  settings_rest_day: [];
  settings_long_run_order: [];

  // Why a site's list item was not read (core/sites/*): kept with the reading, not stored.
  site_skip_not_object: [];
  site_skip_not_activity: [];
  site_skip_no_id: [];
  site_skip_no_sport: [fields: string];
  site_skip_no_start: [field: string, value: string];
  site_skip_no_local_date: [field: string];
  site_skip_listed_twice: [];
  strava_skip_local_far: [];
  garmin_skip_multisport: [];
  garmin_skip_multisport_parts: [count: number, ids: string];
  garmin_skip_multisport_empty: [];
  garmin_skip_transition: [typeKey: string];

  // Failures outside any rule: the store's, the pages' own, and problems stored by older versions.
  store_source_taken: [key: string];
  no_answer: [];
  no_answer_why: [detail: string];
  stored_text: [text: string];
  stored_unreadable: [];

  activity_gone: [];
  backup_activity_damaged: [index: number, problem: Problem];
  strava_page_conflicting_data: [];
  request_problem_report: [];
  csv_row_too_long: [row: number, max: number];
  request_checkin_invalid: [problem: Problem];
  request_checkin_not_today: [];
  request_plan_days: [];
  request_plan_rest_day: [];
  strava_dom_no_summary: [];
  strava_dom_not_owner: [];

  // A run typed in the popup (core/hand-entry.ts, its message in core/messages.ts).
  hand_entry_time_invalid: [];
  hand_entry_time_future: [time: string];
  request_hand_entry: [];
  request_hand_entry_undo: [];

  // The plausibility checkpoint every way in passes (core/plausibility.ts).
  day_invalid: [date: string];
  day_before_1980: [date: string];
  day_in_future: [date: string];
  change_time_invalid: [value: string];
  change_time_before_1980: [time: string];
  change_time_in_future: [time: string];
  too_fast_running: [kmh: number, maxKmh: number];
  too_fast_walking: [kmh: number, maxKmh: number];
  too_fast_cycling: [kmh: number, maxKmh: number];
  too_fast_swimming: [kmh: number, maxKmh: number];
  too_fast_other: [kmh: number, maxKmh: number];
  too_fast_no_time: [km: number];
  track_jumps_left_out: [km: number];
  backup_too_many_activities: [count: number, max: number];
  backup_too_many_checkins: [count: number, max: number];
  backup_too_many_rest_marks: [count: number, max: number];
  backup_rest_day_out_of_range: [line: number, problem: Problem];
  backup_checkin_repeated: [line: number, firstLine: number, date: string];
  request_rest_mark_day: [problem: Problem];
}

export type ProblemCode = keyof ProblemParams;

export type Problem = { [C in ProblemCode]: { code: C; params: ProblemParams[C] } }[ProblemCode];

/** A problem with its parameters checked against its code. */
export function problem<C extends ProblemCode>(code: C, ...params: ProblemParams[C]): Problem {
  return { code, params } as Problem;
}

/** Every code, for the locale test and for checking problems that arrive in messages. */
const CODES: Record<ProblemCode, true> = {
  subject_activity: true,
  subject_session: true,
  subject_track: true,
  subject_activity_id: true,
  duration_days: true,
  duration_hours: true,
  duration_seconds: true,
  in_entry: true,
  skipped: true,
  file_empty: true,
  file_too_large: true,
  file_too_large_to_read: true,
  file_compressed_too_often: true,
  file_gzip_empty: true,
  file_zip_nested: true,
  file_xml_unknown: true,
  file_export_list_nested: true,
  file_type_unknown: true,
  file_unreadable: true,
  file_time_zone_unknown: true,
  file_no_activity: true,
  upload_undecodable: true,
  start_missing: true,
  start_before_1990: true,
  start_in_future: true,
  distance_implausible: true,
  moving_implausible: true,
  elapsed_implausible: true,
  elapsed_below_moving: true,
  zip_empty: true,
  zip_out_of_range: true,
  zip_too_short: true,
  zip_no_directory: true,
  zip_too_many_files: true,
  zip_directory_misplaced: true,
  zip_directory_past_end: true,
  zip_directory_unreadable: true,
  zip_entry_missing: true,
  zip_entry_encrypted: true,
  zip_entry_method: true,
  zip_entry_too_large: true,
  zip_entry_cut_short: true,
  zip_entry_expands_too_much: true,
  zip_entry_corrupt: true,
  zip_entry_checksum: true,
  zip_nested_too_deep: true,
  zip_too_many_entries: true,
  zip_entries_overlap: true,
  import_too_much_data: true,
  import_too_many_entries: true,
  archive_bomb: true,
  gzip_expands_too_much: true,
  gzip_corrupt: true,
  gzip_header_short: true,
  gzip_checksum: true,
  fit_no_signature: true,
  fit_trailing_bytes: true,
  fit_header_checksum: true,
  fit_protocol_newer: true,
  fit_no_data_size: true,
  fit_truncated: true,
  fit_definition_cut: true,
  fit_byte_order: true,
  fit_undefined_local_type: true,
  fit_message_cut: true,
  fit_checksum: true,
  fit_no_checksum: true,
  fit_too_many_chained: true,
  fit_not_activity: true,
  fit_type_device_info: true,
  fit_type_settings: true,
  fit_type_sport_settings: true,
  fit_type_activity: true,
  fit_type_workout: true,
  fit_type_course: true,
  fit_type_schedules: true,
  fit_type_weight: true,
  fit_type_totals: true,
  fit_type_goals: true,
  fit_type_blood_pressure: true,
  fit_type_monitoring: true,
  fit_type_activity_summary: true,
  fit_type_monitoring_daily: true,
  fit_type_monitoring_b: true,
  fit_type_segment: true,
  fit_type_segment_list: true,
  fit_type_device_config: true,
  fit_type_other: true,
  fit_also_holds: true,
  fit_truncated_nothing: true,
  fit_session_no_start: true,
  fit_laps_no_start: true,
  fit_records_no_time: true,
  fit_nothing: true,
  fit_start_from_first_point: true,
  fit_session_far_from_records: true,
  fit_elapsed_below_timer: true,
  fit_transitions: true,
  fit_totals_from_laps: true,
  fit_totals_from_records: true,
  fit_clock_not_set: true,
  fit_repeated_sessions: true,
  track_stale_lead: true,
  gpx_damaged: true,
  gpx_route: true,
  gpx_no_points: true,
  gpx_no_activity: true,
  gpx_no_sport: true,
  tcx_no_sport: true,
  gpx_moving_estimated: true,
  tcx_damaged: true,
  tcx_course: true,
  tcx_no_activity: true,
  tcx_activity_no_start: true,
  csv_not_strava: true,
  csv_no_activity: true,
  csv_bad_id: true,
  csv_bad_date: true,
  strava_csv_too_many_rows: true,
  csv_sports_localized_read: true,
  csv_sports_localized_other: true,
  garmin_export_no_id: true,
  garmin_export_multisport: true,
  garmin_export_no_start: true,
  garmin_export_seconds: true,
  garmin_export_metres: true,
  garmin_export_unreadable: true,
  site_strava_page: true,
  site_strava_page_because: true,
  strava_page_data_late: true,
  strava_page_no_page_view: true,
  site_strava_list: true,
  site_garmin: true,
  site_implausible: true,
  site_implausible_activity: true,
  site_too_many_activities: true,
  site_reading_paused: true,
  strava_page_signed_out: true,
  strava_page_no_owner: true,
  strava_page_other_athlete: true,
  strava_page_no_data: true,
  strava_page_no_id: true,
  strava_page_wrong_activity: true,
  strava_page_no_sport: true,
  strava_page_no_start: true,
  strava_dom_no_edit_link: true,
  strava_dom_no_sport: true,
  strava_dom_no_start: true,
  strava_dom_no_distance: true,
  strava_dom_no_time: true,
  strava_list_empty: true,
  strava_list_web_page: true,
  strava_list_plain_text: true,
  strava_list_not_json: true,
  strava_list_array: true,
  strava_list_not_object: true,
  strava_list_streams: true,
  strava_list_error: true,
  strava_list_no_models: true,
  garmin_what_list: true,
  garmin_what_activity: true,
  garmin_empty: true,
  garmin_web_page: true,
  garmin_plain_text: true,
  garmin_not_json: true,
  garmin_wrong_type: true,
  garmin_activity_types: true,
  garmin_hr_zones: true,
  garmin_list_no_ids: true,
  garmin_samples: true,
  garmin_statistics: true,
  garmin_device: true,
  garmin_error: true,
  garmin_changed: true,
  garmin_search_changed: true,
  garmin_single_not_list: true,
  garmin_list_not_single: true,
  garmin_wrong_activity: true,
  garmin_viewer_unknown: true,
  field_source_id: true,
  field_sport_label: true,
  field_name: true,
  field_distance: true,
  field_moving_time: true,
  field_elapsed_time: true,
  activity_not_object: true,
  activity_no_sources: true,
  activity_bad_source: true,
  activity_number_invalid: true,
  activity_number_negative: true,
  activity_number_over_limit: true,
  activity_text_invalid: true,
  activity_text_empty: true,
  activity_text_too_long: true,
  activity_start_invalid: true,
  activity_start_before_1980: true,
  activity_start_in_future: true,
  activity_local_date_invalid: true,
  activity_local_date_mismatch: true,
  activity_sport_unknown: true,
  activity_duplicate_source: true,
  request_refused: true,
  request_foreign_sender: true,
  request_no_sender_address: true,
  request_sender_not_accepted: true,
  request_malformed: true,
  request_not_from_page: true,
  request_unknown_type: true,
  request_activities_not_list: true,
  request_too_many_activities: true,
  request_in_activity: true,
  request_source_not_allowed: true,
  request_site_data_kind: true,
  request_site_data_wrong_site: true,
  request_site_data_url: true,
  request_site_data_status: true,
  request_site_data_text: true,
  request_site_data_too_large: true,
  request_upload_fields: true,
  request_upload_too_large: true,
  request_upload_not_base64: true,
  request_settings_patch: true,
  request_rest_mark: true,
  request_list_range: true,
  request_update_fields: true,
  request_field_not_editable: true,
  request_sport_unknown: true,
  request_name_too_long: true,
  request_delete_all_confirm: true,
  request_delete_keys: true,
  request_import_log: true,
  request_backup_text: true,
  request_backup_too_large: true,
  request_backup_piece: true,
  request_site_only: true,
  action_failed: true,
  checkin_not_object: true,
  checkin_no_date: true,
  checkin_pain_range: true,
  checkin_answer_yes_no: true,
  checkin_place: true,
  checkin_flags: true,
  checkin_nothing: true,
  checkin_pain_first: true,
  backup_not_json: true,
  backup_no_format: true,
  backup_no_version: true,
  backup_newer_version: true,
  backup_no_activities: true,
  backup_repeats_activity: true,
  backup_no_rest_or_checkins: true,
  backup_rest_day_not_date: true,
  backup_checkin_damaged: true,
  backup_settings_damaged: true,
  backup_piece_missing: true,
  backup_export_gone: true,
  restore_busy: true,
  settings_not_object: true,
  settings_unknown: true,
  settings_preset: true,
  settings_number: true,
  settings_integer: true,
  settings_range: true,
  settings_range_or_off: true,
  settings_unit_days: true,
  settings_unit_runs: true,
  settings_unit_pct: true,
  settings_unit_km: true,
  settings_sports_list: true,
  settings_no_sports: true,
  settings_sport_in_both: true,
  settings_units: true,
  settings_week_start: true,
  settings_on_off: true,
  settings_run_days: true,
  settings_rest_day: true,
  settings_long_run_order: true,
  site_skip_not_object: true,
  site_skip_not_activity: true,
  site_skip_no_id: true,
  site_skip_no_sport: true,
  site_skip_no_start: true,
  site_skip_no_local_date: true,
  site_skip_listed_twice: true,
  strava_skip_local_far: true,
  garmin_skip_multisport: true,
  garmin_skip_multisport_parts: true,
  garmin_skip_multisport_empty: true,
  garmin_skip_transition: true,
  store_source_taken: true,
  no_answer: true,
  no_answer_why: true,
  stored_text: true,
  stored_unreadable: true,
  activity_gone: true,
  backup_activity_damaged: true,
  strava_page_conflicting_data: true,
  request_problem_report: true,
  csv_row_too_long: true,
  request_checkin_invalid: true,
  request_checkin_not_today: true,
  request_plan_days: true,
  request_plan_rest_day: true,
  strava_dom_no_summary: true,
  strava_dom_not_owner: true,
  hand_entry_time_invalid: true,
  hand_entry_time_future: true,
  request_hand_entry: true,
  request_hand_entry_undo: true,
  day_invalid: true,
  day_before_1980: true,
  day_in_future: true,
  change_time_invalid: true,
  change_time_before_1980: true,
  change_time_in_future: true,
  too_fast_running: true,
  too_fast_walking: true,
  too_fast_cycling: true,
  too_fast_swimming: true,
  too_fast_other: true,
  too_fast_no_time: true,
  track_jumps_left_out: true,
  backup_too_many_activities: true,
  backup_too_many_checkins: true,
  backup_too_many_rest_marks: true,
  backup_rest_day_out_of_range: true,
  backup_checkin_repeated: true,
  request_rest_mark_day: true,
};

export const PROBLEM_CODES = Object.keys(CODES) as ProblemCode[];

/** The message name of a code in _locales. */
export const problemMessageName = (code: ProblemCode): string => `problem_${code}`;

/**
 * Codes whose message counts something ("$1 bytes"): the parameter ($1 is 1) whose number picks
 * the plural form. Their messages are `problem_<code>_one`, `_other`, not `problem_<code>`.
 */
export const COUNTED_PROBLEMS: Readonly<Partial<Record<ProblemCode, number>>> = {
  duration_days: 1,
  fit_trailing_bytes: 1,
  fit_truncated: 1,
  garmin_skip_multisport_parts: 1,
  site_too_many_activities: 1,
  zip_too_many_entries: 1,
  import_too_many_entries: 1,
  strava_csv_too_many_rows: 1,
  csv_row_too_long: 2,
  activity_text_too_long: 2,
  request_name_too_long: 1,
  archive_bomb: 2,
};

/** The messages a code needs in _locales: its own, or its plural forms. */
export function problemMessageKeys(code: ProblemCode): string[] {
  const name = problemMessageName(code);
  return COUNTED_PROBLEMS[code] === undefined ? [name] : [`${name}_one`, `${name}_other`];
}

/** A readable summary for logs and errors thrown inside the core (never shown to runners). */
export function problemDebugText(p: Problem): string {
  const one = (x: ProblemParam): string =>
    Array.isArray(x)
      ? `[${(x as readonly Problem[]).map(problemDebugText).join(', ')}]`
      : typeof x === 'object'
        ? problemDebugText(x as Problem)
        : String(x);
  const params = (p.params as readonly ProblemParam[]).map(one);
  return params.length ? `${p.code}(${params.join(', ')})` : p.code;
}

/**
 * A problem that arrived in a message (an import log, a stored site problem), checked: a known
 * code and parameters that are text, numbers or problems, nested at most 4 deep. Text is clipped.
 */
export function asProblem(v: unknown, depth = 0): Problem | null {
  if (depth > 4 || typeof v !== 'object' || v === null) return null;
  const { code, params } = v as { code?: unknown; params?: unknown };
  if (typeof code !== 'string' || !Object.hasOwn(CODES, code) || !Array.isArray(params) || params.length > 9)
    return null;
  const out: ProblemParam[] = [];
  for (const p of params as unknown[]) {
    if (typeof p === 'string') out.push(p.slice(0, 300));
    else if (typeof p === 'number' && Number.isFinite(p)) out.push(p);
    else if (Array.isArray(p)) {
      const list = (p as unknown[]).slice(0, 20).map((x) => asProblem(x, depth + 1));
      if (list.some((x) => x === null)) return null;
      out.push(list as Problem[]);
    } else {
      const inner = asProblem(p, depth + 1);
      if (!inner) return null;
      out.push(inner);
    }
  }
  return { code, params: out } as Problem;
}

/**
 * A problem read back from storage: its code, or the English words an older version stored
 * before problems were codes (kept, and said to be from then), or that it can't be read.
 */
export function storedProblem(v: unknown): Problem {
  if (typeof v === 'string') return problem('stored_text', v.slice(0, 500));
  return asProblem(v) ?? problem('stored_unreadable');
}

/** Thrown where a problem must cross a throw (a save inside an import); problemOf gives it back. */
export class ProblemError extends Error {
  override name = 'ProblemError';
  constructor(readonly problem: Problem) {
    super(problemDebugText(problem));
  }
}

/**
 * Something thrown, as a problem: a ProblemError's own, else an unexpected failure (a bug, the
 * browser refusing) as action_failed with the thrown words as its detail, never as the message.
 */
export function problemOf(e: unknown): Problem {
  if (e instanceof ProblemError) return e.problem;
  return problem('action_failed', errorText(e).slice(0, 200));
}
