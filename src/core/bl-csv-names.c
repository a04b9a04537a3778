/* bl-csv-names.c: the 出席 and 缺席 cells: lists of names, reasons, separators */
#include "config.h"

#include <string.h>

#include "bl-csv-names.h"

/* A piece of a cell between two separators (byte offsets). */
typedef struct {
  gsize start;
  gsize end;
} Piece;

void
bl_csv_person_free (BlCsvPerson *person)
{
  g_free (person);
}

/* One block: a list of a meeting's hundred names costs a hundred allocations. */
BlCsvPerson *
bl_csv_person_new (const char *name,
                   const char *reason)
{
  gsize name_size = strlen (name) + 1, reason_size = strlen (reason) + 1;
  BlCsvPerson *person = g_malloc (sizeof *person + name_size + reason_size);

  person->name = (char *) (person + 1);
  person->reason = person->name + name_size;
  person->named = NULL;
  memcpy (person->name, name, name_size);
  memcpy (person->reason, reason, reason_size);
  return person;
}

gboolean
bl_csv_names_is_separator (gunichar c)
{
  return c == 0x3001 /* 、 */ || c == 0xff0c /* ， */ || c == 0xff1b /* ； */ || c == ',' || c == ';';
}

static gboolean
is_open (gunichar c)
{
  return c == '(' || c == 0xff08;
}

static gboolean
is_close (gunichar c)
{
  return c == ')' || c == 0xff09;
}

/* The pieces of @cell between separators outside parentheses. */
static GArray *
split_pieces (const char *cell)
{
  GArray *pieces = g_array_new (FALSE, FALSE, sizeof (Piece));
  Piece piece = { 0, 0 };
  int depth = 0;
  const char *p = cell;

  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_open (c))
        depth++;
      else if (is_close (c) && depth > 0)
        depth--;
      else if (depth == 0 && bl_csv_names_is_separator (c))
        {
          piece.end = (gsize) (p - cell);
          g_array_append_val (pieces, piece);
          piece.start = (gsize) (g_utf8_next_char (p) - cell);
        }
    }
  piece.end = (gsize) (p - cell);
  g_array_append_val (pieces, piece);
  return pieces;
}

/* The text of pieces @first to @last, blanks around it trimmed. */
static char *
piece_text (const char *cell,
            GArray     *pieces,
            guint       first,
            guint       last)
{
  gsize start = g_array_index (pieces, Piece, first).start;
  gsize end = g_array_index (pieces, Piece, last).end;

  return g_strstrip (g_strndup (cell + start, end - start));
}

/* "name(reason)": the name before the last parenthesised group, when the
 * text ends in one; "name(reason" with no closing one is read too. */
static gboolean
split_reason (const char  *text,
              char       **name,
              char       **reason)
{
  const char *end = text + strlen (text);
  const char *last = g_utf8_find_prev_char (text, end);
  const char *open = NULL;

  if (last == NULL)
    return FALSE;
  if (is_close (g_utf8_get_char (last)))
    {
      int depth = 0;

      for (const char *p = last; p != NULL; p = g_utf8_find_prev_char (text, p))
        {
          gunichar c = g_utf8_get_char (p);

          if (is_close (c))
            depth++;
          else if (is_open (c) && --depth == 0)
            {
              open = p;
              break;
            }
        }
      if (open == NULL)
        return FALSE;
      *reason = g_strstrip (g_strndup (g_utf8_next_char (open), (gsize) (last - g_utf8_next_char (open))));
    }
  else
    {
      for (const char *p = text; *p != '\0' && open == NULL; p = g_utf8_next_char (p))
        if (is_open (g_utf8_get_char (p)))
          open = p;
      if (open == NULL)
        return FALSE;
      for (const char *p = open; *p != '\0'; p = g_utf8_next_char (p))
        if (is_close (g_utf8_get_char (p)))
          return FALSE;
      *reason = g_strstrip (g_strdup (g_utf8_next_char (open)));
    }
  *name = g_strstrip (g_strndup (text, (gsize) (open - text)));
  return TRUE;
}

/* The person @text names: a member's name exactly, else (with @reasons) a
 * member's name followed by a reason. NULL when it names nobody. */
static BlCsvPerson *
resolve (const BlCsvNames *names,
         const char       *text,
         gboolean          reasons)
{
  g_autofree char *name = NULL;
  g_autofree char *reason = NULL;
  gconstpointer named;
  BlCsvPerson *person;

  if ((named = names->find (text, names->user_data)) != NULL)
    person = bl_csv_person_new (text, "");
  else if (reasons && split_reason (text, &name, &reason) && *name != '\0' &&
           (named = names->find (name, names->user_data)) != NULL)
    person = bl_csv_person_new (name, reason);
  else
    return NULL;
  person->named = named;
  return person;
}

/* What a list's character at @p is to it. Separators and parentheses are
 * ASCII or start with the byte of 、 (E3) or of the full-width forms (EF):
 * the Chinese of names is passed over without being decoded. */
typedef enum {
  LIST_END,
  LIST_OTHER,
  LIST_OPEN,
  LIST_CLOSE,
  LIST_SEPARATOR,
} ListChar;

static ListChar
list_char (const char *p)
{
  guchar byte = (guchar) *p;
  gunichar c;

  if (byte == '\0')
    return LIST_END;
  if (byte >= 0x80 && byte != 0xe3 && byte != 0xef)
    return LIST_OTHER;
  c = byte < 0x80 ? byte : g_utf8_get_char (p);
  if (is_open (c))
    return LIST_OPEN;
  if (is_close (c))
    return LIST_CLOSE;
  return bl_csv_names_is_separator (c) ? LIST_SEPARATOR : LIST_OTHER;
}

/* When no name holds a separator, every piece is one person: read in one
 * pass, without the search for the fewest people below. */
static BlCsvNamesResult
split_simply (const BlCsvNames  *names,
              const char        *cell,
              gboolean           reasons,
              GPtrArray        **people,
              GPtrArray         *bad)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) bl_csv_person_free);
  g_autoptr(GString) piece = g_string_new (NULL);
  const char *start = cell;
  int depth = 0;

  for (const char *p = cell;; p = g_utf8_next_char (p))
    {
      ListChar c = list_char (p);
      const char *end = p;
      BlCsvPerson *person;

      if (c == LIST_OPEN)
        depth++;
      else if (c == LIST_CLOSE && depth > 0)
        depth--;
      if (c != LIST_END && (depth > 0 || c != LIST_SEPARATOR))
        continue;

      /* The piece without the blanks around it, as g_strstrip() leaves it. */
      while (start < end && g_ascii_isspace (*start))
        start++;
      while (end > start && g_ascii_isspace (end[-1]))
        end--;
      if (end > start)
        {
          g_string_truncate (piece, 0);
          g_string_append_len (piece, start, end - start);
          if ((person = resolve (names, piece->str, reasons)) != NULL)
            g_ptr_array_add (found, person);
          else
            g_ptr_array_add (bad, g_strdup (piece->str));
        }
      if (c == LIST_END)
        break;
      start = g_utf8_next_char (p);
    }
  if (bad->len > 0)
    return BL_CSV_NAMES_UNKNOWN;
  *people = g_steal_pointer (&found);
  return BL_CSV_NAMES_OK;
}

BlCsvNamesResult
bl_csv_names_split (const BlCsvNames *names,
                    const char       *cell,
                    gboolean          reasons,
                    GPtrArray       **people,
                    GPtrArray       **bad)
{
  g_autoptr(GArray) pieces = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) bl_csv_person_free);
  g_autofree guint *best = NULL;     /* fewest people covering the first k pieces */
  g_autofree guint *ways = NULL;     /* how many ways give that fewest (1 or 2: more) */
  g_autofree guint *from = NULL;     /* where the last span of the one way begins */
  g_autofree BlCsvPerson **last = NULL;
  guint n, max_span;
  const guint none = G_MAXUINT;

  g_return_val_if_fail (names != NULL && names->find != NULL, BL_CSV_NAMES_UNKNOWN);
  g_return_val_if_fail (cell != NULL && people != NULL && bad != NULL, BL_CSV_NAMES_UNKNOWN);

  *people = NULL;
  *bad = g_ptr_array_new_with_free_func (g_free);
  if (names->max_separators == 0)
    return split_simply (names, cell, reasons, people, *bad);
  pieces = split_pieces (cell);
  n = pieces->len;
  max_span = names->max_separators + 1;
  best = g_new (guint, n + 1);
  ways = g_new0 (guint, n + 1);
  from = g_new0 (guint, n + 1);
  last = g_new0 (BlCsvPerson *, n + 1);
  best[0] = 0;
  ways[0] = 1;
  for (guint k = 1; k <= n; k++)
    best[k] = none;

  /* The reading with the fewest people wins (a whole name over pieces of
   * it); two readings with as few are ambiguous. */
  for (guint k = 1; k <= n; k++)
    for (guint span = 1; span <= max_span && span <= k; span++)
      {
        guint start = k - span;
        g_autofree char *text = NULL;
        BlCsvPerson *person = NULL;
        guint count;

        if (best[start] == none)
          continue;
        text = piece_text (cell, pieces, start, k - 1);
        if (*text == '\0')
          {
            if (span > 1)
              continue;   /* an empty piece stands alone: "张三、、李四" */
          }
        else if ((person = resolve (names, text, reasons)) == NULL)
          continue;
        count = best[start] + (person != NULL ? 1 : 0);
        if (count < best[k])
          {
            best[k] = count;
            ways[k] = ways[start];
            from[k] = start;
            bl_csv_person_free (last[k]);
            last[k] = g_steal_pointer (&person);
          }
        else if (count == best[k])
          ways[k] = MIN (2, ways[k] + ways[start]);
        bl_csv_person_free (person);
      }

  if (best[n] == none)
    {
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *text = piece_text (cell, pieces, i, i);
          BlCsvPerson *person;

          if (*text == '\0')
            continue;
          if ((person = resolve (names, text, reasons)) != NULL)
            bl_csv_person_free (person);
          else
            g_ptr_array_add (*bad, g_steal_pointer (&text));
        }
      if ((*bad)->len == 0)
        g_ptr_array_add (*bad, g_strstrip (g_strdup (cell)));
      for (guint k = 0; k <= n; k++)
        bl_csv_person_free (last[k]);
      return BL_CSV_NAMES_UNKNOWN;
    }
  if (ways[n] > 1)
    {
      guint k = 1;

      while (k < n && ways[k] < 2)
        k++;
      g_ptr_array_add (*bad, piece_text (cell, pieces, from[k], k - 1));
      for (guint i = 0; i <= n; i++)
        bl_csv_person_free (last[i]);
      return BL_CSV_NAMES_AMBIGUOUS;
    }

  for (guint k = n; k > 0; k = from[k])
    if (last[k] != NULL)
      g_ptr_array_add (found, g_steal_pointer (&last[k]));
  for (guint k = 0; k <= n; k++)
    bl_csv_person_free (last[k]);
  /* Collected from the end. */
  for (guint i = 0; i < found->len / 2; i++)
    {
      gpointer swap = found->pdata[i];

      found->pdata[i] = found->pdata[found->len - 1 - i];
      found->pdata[found->len - 1 - i] = swap;
    }
  *people = g_steal_pointer (&found);
  return BL_CSV_NAMES_OK;
}

static gboolean
has_special (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (bl_csv_names_is_separator (c) || is_open (c) || is_close (c))
        return TRUE;
    }
  return FALSE;
}

static char *
join_with (GPtrArray  *people,
           gboolean    reasons,
           const char *separator,
           gboolean    full_width)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < people->len; i++)
    {
      const BlCsvPerson *person = g_ptr_array_index (people, i);

      if (i > 0)
        g_string_append (out, separator);
      g_string_append (out, person->name);
      if (reasons && *person->reason != '\0')
        g_string_append_printf (out, full_width ? "（%s）" : "(%s)", person->reason);
    }
  return g_string_free (out, FALSE);
}

/* Whether @cell reads back as exactly @people. */
static gboolean
reads_back (const BlCsvNames *names,
            const char       *cell,
            GPtrArray        *people,
            gboolean          reasons)
{
  g_autoptr(GPtrArray) read = NULL;
  g_autoptr(GPtrArray) bad = NULL;

  if (bl_csv_names_split (names, cell, reasons, &read, &bad) != BL_CSV_NAMES_OK)
    return FALSE;
  if (read->len != people->len)
    return FALSE;
  for (guint i = 0; i < read->len; i++)
    {
      const BlCsvPerson *a = g_ptr_array_index (read, i);
      const BlCsvPerson *b = g_ptr_array_index (people, i);

      if (!g_str_equal (a->name, b->name) || !g_str_equal (a->reason, reasons ? b->reason : ""))
        return FALSE;
    }
  return TRUE;
}

char *
bl_csv_names_join (const BlCsvNames *names,
                   GPtrArray        *people,
                   gboolean          reasons)
{
  static const char * const separators[] = { "、", "；", "，", ";", "," };
  gboolean check = names->max_separators > 0;
  char *first;

  g_return_val_if_fail (names != NULL && people != NULL, NULL);

  /* Almost always the plain join reads back; try it the slow way only
   * when a name or a reason could be read another way. */
  for (guint i = 0; i < people->len && !check; i++)
    {
      const BlCsvPerson *person = g_ptr_array_index (people, i);

      check = has_special (person->name) || (reasons && *person->reason != '\0');
      if (check && reasons && *person->reason != '\0' && !has_special (person->name) &&
          !has_special (person->reason))
        {
          /* "name(reason)" reads back unless it is itself someone's name. */
          g_autofree char *both = g_strdup_printf ("%s(%s)", person->name, person->reason);

          check = names->find (both, names->user_data) != NULL;
        }
    }
  first = join_with (people, reasons, separators[0], FALSE);
  if (!check || reads_back (names, first, people, reasons))
    return first;

  for (guint w = 0; w < 2; w++)
    for (guint s = 0; s < G_N_ELEMENTS (separators); s++)
      {
        g_autofree char *cell = join_with (people, reasons, separators[s], w == 1);

        if (reads_back (names, cell, people, reasons))
          {
            g_free (first);
            return g_steal_pointer (&cell);
          }
      }
  /* No way reads back (a name that is two others joined, alone in its
   * cell): the plain one, which the import reports as ambiguous. */
  return first;
}
