/* bl-collation.c: the ledger's own orders and normal forms inside SQL */
#include "config.h"

#include <string.h>

#include "bl-collation.h"
#include "bl-date.h"
#include "bl-group-order.h"
#include "bl-member-repo.h"
#include "bl-text.h"

/* SQLite hands the texts over with their lengths, not NUL-terminated: short
 * ones (nearly all names) are copied on the stack, a sort compares often. */
typedef int (*CompareFunc) (const char *a, const char *b);

static char *
terminated (char        *buffer,
            gsize        size,
            int          length,
            const void  *text)
{
  if ((gsize) length >= size)
    return g_strndup (text, (gsize) length);
  memcpy (buffer, text, (gsize) length);
  buffer[length] = '\0';
  return buffer;
}

static int
compare_texts (CompareFunc  compare,
               int          len_a,
               const void  *a,
               int          len_b,
               const void  *b)
{
  char buffer_a[128], buffer_b[128];
  char *text_a = terminated (buffer_a, sizeof buffer_a, len_a, a);
  char *text_b = terminated (buffer_b, sizeof buffer_b, len_b, b);
  int cmp = compare (text_a, text_b);

  if (text_a != buffer_a)
    g_free (text_a);
  if (text_b != buffer_b)
    g_free (text_b);
  return cmp;
}

static int
group_collation (void *data, int len_a, const void *a, int len_b, const void *b)
{
  return compare_texts (bl_group_compare, len_a, a, len_b, b);
}

static int
name_collation (void *data, int len_a, const void *a, int len_b, const void *b)
{
  return compare_texts (bl_name_compare, len_a, a, len_b, b);
}

static int
role_collation (void *data, int len_a, const void *a, int len_b, const void *b)
{
  /* Compared as stored, without a copy: a sort compares often. */
  return bl_role_compare (bl_member_repo_role_from_text (a, (gsize) len_a),
                          bl_member_repo_role_from_text (b, (gsize) len_b));
}

/* Calls @normalize on the text argument: NULL stays NULL; what @normalize
 * cannot read (it returns NULL) stays as it is. */
static void
apply_normal_form (sqlite3_context  *context,
                   sqlite3_value   **argv,
                   char           *(*normalize) (const char *))
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);
  g_autofree char *normal = NULL;

  if (text == NULL)
    {
      sqlite3_result_null (context);
      return;
    }
  normal = normalize (text);
  sqlite3_result_text (context, normal != NULL ? normal : text, -1, SQLITE_TRANSIENT);
}

/* bl_time(x): "9:05" and "09:05" as one "09:05"; what is no time stays as it is. */
static void
time_function (sqlite3_context *context,
               int              argc,
               sqlite3_value  **argv)
{
  apply_normal_form (context, argv, bl_time_normalize);
}

/* bl_text(x): without the spaces (any Unicode space, U+3000 too) around it. */
static void
text_function (sqlite3_context *context,
               int              argc,
               sqlite3_value  **argv)
{
  apply_normal_form (context, argv, bl_text_strip);
}

gboolean
bl_collation_register (sqlite3 *handle)
{
  const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;

  return sqlite3_create_collation_v2 (handle, "bl_group", SQLITE_UTF8, NULL, group_collation, NULL) == SQLITE_OK &&
         sqlite3_create_collation_v2 (handle, "bl_name", SQLITE_UTF8, NULL, name_collation, NULL) == SQLITE_OK &&
         sqlite3_create_collation_v2 (handle, "bl_role", SQLITE_UTF8, NULL, role_collation, NULL) == SQLITE_OK &&
         sqlite3_create_function_v2 (handle, "bl_time", 1, flags, NULL, time_function, NULL, NULL, NULL) == SQLITE_OK &&
         sqlite3_create_function_v2 (handle, "bl_text", 1, flags, NULL, text_function, NULL, NULL, NULL) == SQLITE_OK;
}
