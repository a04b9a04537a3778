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

void
bl_csv_people_init (BlCsvPeople *list)
{
  memset (list, 0, sizeof *list);
}

void
bl_csv_people_clear (BlCsvPeople *list)
{
  g_free (list->people);
  g_free (list->texts);
  memset (list, 0, sizeof *list);
}

/* Room for every text a read of @cell can hold, so that none moves while
 * the people point to them: each piece's name and reason are apart within
 * it (a piece is a byte at least) and take two ends of string more. */
static void
people_reset (BlCsvPeople *list,
              const char  *cell)
{
  gsize needed = 3 * strlen (cell) + 3;

  list->n_people = 0;
  if (list->texts_size < needed)
    {
      g_free (list->texts);
      list->texts_size = MAX (needed, 2 * list->texts_size);
      list->texts = g_malloc (list->texts_size);
    }
  list->texts_used = 0;
}

static char *
people_add_text (BlCsvPeople *list,
                 const char  *text,
                 gsize        length)
{
  char *copy = list->texts + list->texts_used;

  g_assert (list->texts_used + length < list->texts_size);
  memcpy (copy, text, length);
  copy[length] = '\0';
  list->texts_used += length + 1;
  return copy;
}

static void
people_add (BlCsvPeople   *list,
            const char    *name,
            gsize          name_length,
            const char    *reason,
            gconstpointer  named)
{
  BlCsvPerson *person;

  if (list->n_people == list->people_size)
    {
      list->people_size = MAX (64, 2 * list->people_size);
      list->people = g_renew (BlCsvPerson, list->people, list->people_size);
    }
  person = &list->people[list->n_people++];
  person->name = people_add_text (list, name, name_length);
  person->reason = people_add_text (list, reason, strlen (reason));
  person->named = named;
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

/* As resolve(), the person added to @into; FALSE when @text (@length
 * bytes) names nobody. */
static gboolean
resolve_into (const BlCsvNames *names,
              const char       *text,
              gsize             length,
              gboolean          reasons,
              BlCsvPeople      *into)
{
  g_autofree char *name = NULL;
  g_autofree char *reason = NULL;
  gconstpointer named;

  if ((named = names->find (text, names->user_data)) != NULL)
    people_add (into, text, length, "", named);
  else if (reasons && split_reason (text, &name, &reason) && *name != '\0' &&
           (named = names->find (name, names->user_data)) != NULL)
    people_add (into, name, strlen (name), reason, named);
  else
    return FALSE;
  return TRUE;
}

/* What a list's character at @p is to it. Separators and parentheses are
 * ASCII, or 、 (E3 80 81) or a full-width form (EF BC …) in UTF-8: told by
 * their bytes, and the Chinese of names is passed over without being
 * decoded. */
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
  const guchar *b = (const guchar *) p;

  switch (b[0])
    {
    case '\0':
      return LIST_END;
    case '(':
      return LIST_OPEN;
    case ')':
      return LIST_CLOSE;
    case ',':
    case ';':
      return LIST_SEPARATOR;
    case 0xe3:   /* 、 U+3001 */
      return b[1] == 0x80 && b[2] == 0x81 ? LIST_SEPARATOR : LIST_OTHER;
    case 0xef:   /* （ ） ， ； U+FF08, U+FF09, U+FF0C, U+FF1B */
      if (b[1] != 0xbc)
        return LIST_OTHER;
      switch (b[2])
        {
        case 0x88:
          return LIST_OPEN;
        case 0x89:
          return LIST_CLOSE;
        case 0x8c:
        case 0x9b:
          return LIST_SEPARATOR;
        default:
          return LIST_OTHER;
        }
    default:
      return LIST_OTHER;
    }
}

/* When no name holds a separator, every piece is one person: read in one
 * pass, without the search for the fewest people below, into @into. */
static BlCsvNamesResult
split_simply (const BlCsvNames  *names,
              const char        *cell,
              gboolean           reasons,
              BlCsvPeople       *into,
              GPtrArray         *bad)
{
  /* Each piece is copied out to end in a NUL, into this buffer when it fits
   * (a name is a few characters), so that no piece costs an allocation. */
  char buffer[256];
  const char *start = cell;
  int depth = 0;

  people_reset (into, cell);
  for (const char *p = cell;; p = g_utf8_next_char (p))
    {
      ListChar c = list_char (p);
      const char *end = p;

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
          gsize length = (gsize) (end - start);
          g_autofree char *long_piece = length < sizeof buffer ? NULL : g_strndup (start, length);
          char *text = long_piece != NULL ? long_piece : buffer;

          if (long_piece == NULL)
            {
              memcpy (buffer, start, length);
              buffer[length] = '\0';
            }
          if (!resolve_into (names, text, length, reasons, into))
            g_ptr_array_add (bad, g_strdup (text));
        }
      if (c == LIST_END)
        break;
      start = g_utf8_next_char (p);
    }
  if (bad->len == 0)
    return BL_CSV_NAMES_OK;
  into->n_people = 0;
  return BL_CSV_NAMES_UNKNOWN;
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
    {
      g_auto(BlCsvPeople) simple = { 0 };
      BlCsvNamesResult result;

      bl_csv_people_init (&simple);
      result = split_simply (names, cell, reasons, &simple, *bad);
      if (result != BL_CSV_NAMES_OK)
        return result;
      for (guint i = 0; i < simple.n_people; i++)
        {
          const BlCsvPerson *read = &simple.people[i];
          BlCsvPerson *person = bl_csv_person_new (read->name, read->reason);

          person->named = read->named;
          g_ptr_array_add (found, person);
        }
      *people = g_steal_pointer (&found);
      return BL_CSV_NAMES_OK;
    }
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

BlCsvNamesResult
bl_csv_names_read (const BlCsvNames *names,
                   const char       *cell,
                   gboolean          reasons,
                   BlCsvPeople      *into,
                   GPtrArray       **bad)
{
  g_autoptr(GPtrArray) people = NULL;
  BlCsvNamesResult result;

  g_return_val_if_fail (names != NULL && names->find != NULL, BL_CSV_NAMES_UNKNOWN);
  g_return_val_if_fail (cell != NULL && into != NULL && bad != NULL, BL_CSV_NAMES_UNKNOWN);

  if (names->max_separators == 0)
    {
      *bad = g_ptr_array_new_with_free_func (g_free);
      return split_simply (names, cell, reasons, into, *bad);
    }
  /* Names with separators in them: the search, then its people copied. */
  result = bl_csv_names_split (names, cell, reasons, &people, bad);
  people_reset (into, cell);
  for (guint i = 0; result == BL_CSV_NAMES_OK && i < people->len; i++)
    {
      const BlCsvPerson *person = g_ptr_array_index (people, i);

      people_add (into, person->name, strlen (person->name), person->reason, person->named);
    }
  return result;
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
