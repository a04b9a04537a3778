/* bl-store-start-date.c: the day the ledger's history starts (建账日期):
 * set by the user, or following the records until then */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "bl-date.h"
#include "bl-store-private.h"
#include "db/bl-activity-repo.h"
#include "db/bl-db.h"
#include "db/bl-setting-repo.h"

/* The start date, and whether the user chose it ("1"), kept apart: a date
 * that follows the records may move, the user's never does. */
#define SETTING_START_DATE         "start-date"
#define SETTING_START_DATE_BY_USER "start-date-set-by-user"

/* "YYYY-MM-01" of @date's month. */
static char *
first_of_month (const char *date)
{
  GDate d;

  if (!bl_date_parse (date, &d))
    return NULL;
  g_date_set_day (&d, 1);
  return bl_date_to_iso (&d);
}

/* A ledger without a start date (a new one, or one without records when it
 * was brought to format 3) starts on the first day of this month, or of the
 * month of its earliest record. */
gboolean
bl_store_ensure_start_date (BlStore  *self,
                            GError  **error)
{
  BlDb *db = bl_store_get_db (self);
  g_autofree char *stored = bl_setting_repo_get (db, SETTING_START_DATE);
  g_autofree char *today = NULL;
  g_autofree char *first = NULL;
  g_autofree char *start = NULL;

  if (stored != NULL)
    return TRUE;
  today = bl_clock_get_today (bl_store_get_clock (self));
  first = bl_activity_repo_first_date (db);
  start = first_of_month (first != NULL && strcmp (first, today) < 0 ? first : today);
  if (!bl_db_begin (db, error))
    return FALSE;
  if (!bl_setting_repo_set (db, SETTING_START_DATE, start, error) || !bl_db_commit (db, error))
    {
      bl_db_rollback (db);
      return FALSE;
    }
  return TRUE;
}

char *
bl_store_get_start_date (BlStore *self)
{
  g_return_val_if_fail (BL_IS_STORE (self), NULL);

  return bl_setting_repo_get (bl_store_get_db (self), SETTING_START_DATE);
}

gboolean
bl_store_get_start_date_set_by_user (BlStore *self)
{
  g_autofree char *flag = NULL;

  g_return_val_if_fail (BL_IS_STORE (self), FALSE);

  flag = bl_setting_repo_get (bl_store_get_db (self), SETTING_START_DATE_BY_USER);
  return g_strcmp0 (flag, "1") == 0;
}

gboolean
bl_store_set_start_date (BlStore     *self,
                         const char  *date,
                         GError     **error)
{
  g_autofree char *today = NULL;
  g_autofree char *iso = NULL;
  GDate parsed;

  g_return_val_if_fail (BL_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (date == NULL || !bl_date_parse (date, &parsed))
    {
      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                   _("“%s” is not a date: write the ledger’s start date as YYYY-MM-DD, e.g. 2025-01-01"),
                   date != NULL ? date : "");
      return FALSE;
    }
  iso = bl_date_to_iso (&parsed);
  today = bl_clock_get_today (bl_store_get_clock (self));
  if (strcmp (iso, today) > 0)
    {
      g_autofree char *shown = bl_date_iso_format_locale (today);

      g_set_error (error, BL_STORE_ERROR, BL_STORE_ERROR_INVALID,
                   _("The ledger’s start date cannot be after today (%s)"), shown);
      return FALSE;
    }

  if (!bl_store_begin (self, error))
    return FALSE;
  if (!bl_setting_repo_set (bl_store_get_db (self), SETTING_START_DATE, iso, error) ||
      !bl_setting_repo_set (bl_store_get_db (self), SETTING_START_DATE_BY_USER, "1", error) ||
      !bl_store_commit (self, error))
    {
      bl_store_rollback (self);
      return FALSE;
    }
  return TRUE;
}

/* A held activity before the start date shows that the ledger's history
 * begins earlier: unless the user chose the date, it moves back. */
gboolean
bl_store_follow_start_date (BlStore     *self,
                            BlActivity  *activity,
                            GError     **error)
{
  g_autofree char *start = NULL;
  g_autofree char *first = NULL;
  const char *date = bl_activity_get_date (activity);

  if (bl_activity_get_status (activity) != BL_ACTIVITY_STATUS_HELD || date == NULL ||
      bl_store_get_start_date_set_by_user (self))
    return TRUE;
  start = bl_setting_repo_get (bl_store_get_db (self), SETTING_START_DATE);
  if (start != NULL && strcmp (date, start) >= 0)
    return TRUE;
  first = first_of_month (date);
  return first == NULL || bl_setting_repo_set (bl_store_get_db (self), SETTING_START_DATE, first, error);
}
