/* bl-xlsx-reader.c: Excel workbooks read into a BlTable: the zip (libarchive),
 * the package's relationships, the workbook's sheets, styles and shared
 * strings (GMarkup, streamed part by part; see bl-xlsx-sheet.c for sheets) */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gi18n.h>
#include <string.h>

#include "bl-xlsx-private.h"

#define CHUNK 65536
/* Text or a tag between two '<' longer than this is no workbook's: GMarkup
 * would hold all of it in memory. A full cell (32,767 characters, each
 * written as a character reference) is far below. */
#define MAX_RUN (4 * 1024 * 1024)

/* Shared helpers */

const char *
bl_xlsx_local_name (const char *element)
{
  const char *colon = strrchr (element, ':');

  return colon != NULL ? colon + 1 : element;
}

const char *
bl_xlsx_attribute (const char **names,
                   const char **values,
                   const char  *local,
                   gboolean     prefixed)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      gboolean has_prefix = strchr (names[i], ':') != NULL;

      if (has_prefix == prefixed && g_str_equal (bl_xlsx_local_name (names[i]), local))
        return values[i];
    }
  return NULL;
}

char *
bl_xlsx_unescape (const char *text,
                  gsize       length)
{
  GString *out = g_string_sized_new (length);

  for (gsize i = 0; i < length; i++)
    {
      if (text[i] == '_' && i + 6 < length && text[i + 1] == 'x' && text[i + 6] == '_' &&
          g_ascii_isxdigit (text[i + 2]) && g_ascii_isxdigit (text[i + 3]) &&
          g_ascii_isxdigit (text[i + 4]) && g_ascii_isxdigit (text[i + 5]))
        {
          gunichar c = 0;

          for (int k = 2; k < 6; k++)
            c = c * 16 + (gunichar) g_ascii_xdigit_value (text[i + k]);
          /* NUL and lone surrogates cannot be text: keep them as written. */
          if (c != 0 && g_unichar_validate (c))
            {
              g_string_append_unichar (out, c);
              i += 6;
              continue;
            }
        }
      g_string_append_c (out, text[i]);
    }
  return g_string_free (out, FALSE);
}

void
bl_xlsx_set_corrupt (GError     **error,
                     const char  *name,
                     const char  *detail)
{
  g_autofree char *quoted = bl_text_quote (detail, 200);

  g_set_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_CORRUPT,
               _("%s: the workbook is damaged, or is not an Excel workbook (.xlsx): %s"), name, quoted);
}

gboolean
bl_xlsx_is_zip (const guint8 *data,
                gsize         length)
{
  return length >= 4 && memcmp (data, "PK\3\4", 4) == 0;
}

/* The zip */

/* Counts the elements of a part around the parser that reads it. */
typedef struct {
  const GMarkupParser *parser;
  gpointer             user_data;
  const char          *name;
  const char          *path;
  guint                elements;
} Counter;

static void
counter_start (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Counter *counter = user_data;

  if (++counter->elements > BL_XLSX_MAX_ELEMENTS)
    {
      g_set_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_TOO_LARGE,
                   _("%s: the part %s of the workbook has more than %u elements; it is not read"),
                   counter->name, counter->path, BL_XLSX_MAX_ELEMENTS);
      return;
    }
  if (counter->parser->start_element != NULL)
    counter->parser->start_element (context, element, names, values, counter->user_data, error);
}

static void
counter_end (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  Counter *counter = user_data;

  if (counter->parser->end_element != NULL)
    counter->parser->end_element (context, element, counter->user_data, error);
}

static void
counter_text (GMarkupParseContext  *context,
              const char           *text,
              gsize                 length,
              gpointer              user_data,
              GError              **error)
{
  Counter *counter = user_data;

  if (counter->parser->text != NULL)
    counter->parser->text (context, text, length, counter->user_data, error);
}

static const GMarkupParser counter_parser = { counter_start, counter_end, counter_text, NULL, NULL };

static gboolean
stream_entry (BlXlsxBook           *book,
              struct archive       *archive,
              const char           *path,
              GMarkupParseContext  *context,
              GError              **error)
{
  g_autofree char *buffer = g_malloc (CHUNK);
  g_autoptr(GError) parse_error = NULL;
  gsize total = 0, run = 0;

  while (TRUE)
    {
      la_ssize_t n = archive_read_data (archive, buffer, CHUNK);
      const char *first, *last;

      if (n < 0)
        {
          g_autofree char *detail = g_strdup_printf ("%s: %s", path, archive_error_string (archive));
          bl_xlsx_set_corrupt (error, book->name, detail);
          return FALSE;
        }
      if (n == 0)
        break;
      total += (gsize) n;
      if (total > BL_XLSX_MAX_PART_SIZE)
        {
          g_autofree char *limit = g_format_size (BL_XLSX_MAX_PART_SIZE);
          g_set_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_TOO_LARGE,
                       _("%s: the part %s of the workbook unpacks to more than %s; it is not read"),
                       book->name, path, limit);
          return FALSE;
        }
      first = memchr (buffer, '<', (gsize) n);
      for (last = buffer + n - 1; first != NULL && *last != '<'; last--)
        ;
      if (first == NULL)
        run += (gsize) n;
      else if (run + (gsize) (first - buffer) <= MAX_RUN)
        run = (gsize) n - (gsize) (last - buffer) - 1;
      else
        run = MAX_RUN + 1;
      if (run > MAX_RUN)
        {
          g_autofree char *detail = g_strdup_printf ("%s: more than %u bytes without markup", path, MAX_RUN);
          bl_xlsx_set_corrupt (error, book->name, detail);
          return FALSE;
        }
      if (!g_markup_parse_context_parse (context, buffer, n, &parse_error))
        break;
    }
  if (parse_error == NULL)
    g_markup_parse_context_end_parse (context, &parse_error);
  if (parse_error != NULL)
    {
      g_autofree char *detail = NULL;

      /* The handlers' own errors (a limit reached) are complete messages. */
      if (parse_error->domain == BL_TABLE_ERROR)
        {
          g_propagate_error (error, g_steal_pointer (&parse_error));
          return FALSE;
        }
      detail = g_strdup_printf ("%s: %s", path, parse_error->message);
      bl_xlsx_set_corrupt (error, book->name, detail);
      return FALSE;
    }
  return TRUE;
}

gboolean
bl_xlsx_read_part (BlXlsxBook           *book,
                   const char           *path,
                   const GMarkupParser  *parser,
                   gpointer              user_data,
                   gboolean             *found,
                   GError              **error)
{
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  gboolean ok = TRUE;
  guint entries = 0;
  int status;

  *found = FALSE;
  archive_read_support_format_zip_seekable (archive);
  if (archive_read_open_memory (archive, book->data, book->length) != ARCHIVE_OK)
    {
      bl_xlsx_set_corrupt (error, book->name, archive_error_string (archive));
      archive_read_free (archive);
      return FALSE;
    }

  while ((status = archive_read_next_header (archive, &entry)) == ARCHIVE_OK || status == ARCHIVE_WARN)
    {
      const char *entry_path = archive_entry_pathname (entry);
      g_autoptr(GMarkupParseContext) context = NULL;

      if (++entries > BL_XLSX_MAX_ENTRIES)
        {
          g_autofree char *detail = g_strdup_printf ("more than %u parts", BL_XLSX_MAX_ENTRIES);
          bl_xlsx_set_corrupt (error, book->name, detail);
          ok = FALSE;
          break;
        }
      /* Part names are case-insensitive (ECMA-376 Part 2). */
      if (entry_path == NULL || g_ascii_strcasecmp (entry_path, path) != 0)
        continue;
      if (archive_entry_is_encrypted (entry))
        {
          g_set_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_ENCRYPTED,
                       _("%s: the workbook is protected by a password: save a copy without the password in Excel "
                         "or WPS and import that"), book->name);
          ok = FALSE;
          break;
        }
      *found = TRUE;
      {
        Counter counter = { parser, user_data, book->name, path, 0 };

        context = g_markup_parse_context_new (&counter_parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &counter, NULL);
        ok = stream_entry (book, archive, path, context, error);
      }
      break;
    }
  if (ok && !*found && status != ARCHIVE_EOF)
    {
      bl_xlsx_set_corrupt (error, book->name, archive_error_string (archive));
      ok = FALSE;
    }
  archive_read_free (archive);
  return ok;
}

/* Relationships: _rels/.rels and the workbook's */

typedef struct {
  const char *base;       /* folder of the part they belong to, "" for the package */
  GHashTable *targets;    /* id → part path */
  char       *document;   /* the officeDocument's path (package rels) */
  char       *styles;     /* the workbook's styles and shared strings */
  char       *shared_strings;
} Rels;

/* @target relative to @base ("xl"), or absolute ("/xl/…"), as a zip path. */
static char *
resolve_target (const char *base,
                const char *target)
{
  g_auto(GStrv) parts = NULL;
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  g_autofree char *joined = NULL;

  if (target[0] == '/')
    joined = g_strdup (target + 1);
  else if (*base != '\0')
    joined = g_strconcat (base, "/", target, NULL);
  else
    joined = g_strdup (target);

  parts = g_strsplit (joined, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] == '\0' || g_str_equal (parts[i], "."))
        continue;
      if (g_str_equal (parts[i], ".."))
        {
          if (kept->len > 0)
            g_ptr_array_set_size (kept, (guint) kept->len - 1);
          continue;
        }
      g_ptr_array_add (kept, parts[i]);
    }
  g_ptr_array_add (kept, NULL);
  return g_strjoinv ("/", (GStrv) kept->pdata);
}

static void
rels_start (GMarkupParseContext  *context,
            const char           *element,
            const char          **names,
            const char          **values,
            gpointer              user_data,
            GError              **error)
{
  Rels *rels = user_data;
  const char *id, *type, *target, *mode;

  if (!g_str_equal (bl_xlsx_local_name (element), "Relationship"))
    return;
  id = bl_xlsx_attribute (names, values, "Id", FALSE);
  type = bl_xlsx_attribute (names, values, "Type", FALSE);
  target = bl_xlsx_attribute (names, values, "Target", FALSE);
  mode = bl_xlsx_attribute (names, values, "TargetMode", FALSE);
  if (id == NULL || type == NULL || target == NULL || g_strcmp0 (mode, "External") == 0)
    return;
  if (g_hash_table_size (rels->targets) >= BL_XLSX_MAX_ENTRIES)
    return;
  g_hash_table_replace (rels->targets, g_strdup (id), resolve_target (rels->base, target));
  if (g_str_has_suffix (type, "/officeDocument") && rels->document == NULL)
    rels->document = resolve_target (rels->base, target);
  else if (g_str_has_suffix (type, "/styles") && rels->styles == NULL)
    rels->styles = resolve_target (rels->base, target);
  else if (g_str_has_suffix (type, "/sharedStrings") && rels->shared_strings == NULL)
    rels->shared_strings = resolve_target (rels->base, target);
}

static const GMarkupParser rels_parser = { rels_start, NULL, NULL, NULL, NULL };

/* The workbook: its sheets and date system */

typedef struct {
  GPtrArray *names;       /* char* */
  GPtrArray *ids;         /* relationship ids */
  gboolean   date1904;
} Sheets;

static gboolean
xml_true (const char *value)
{
  return value != NULL && (g_str_equal (value, "1") || g_str_equal (value, "true"));
}

static void
workbook_start (GMarkupParseContext  *context,
                const char           *element,
                const char          **names,
                const char          **values,
                gpointer              user_data,
                GError              **error)
{
  Sheets *sheets = user_data;
  const char *local = bl_xlsx_local_name (element);

  if (g_str_equal (local, "workbookPr"))
    sheets->date1904 = xml_true (bl_xlsx_attribute (names, values, "date1904", FALSE));
  else if (g_str_equal (local, "sheet") && sheets->names->len < BL_XLSX_MAX_ENTRIES)
    {
      const char *name = bl_xlsx_attribute (names, values, "name", FALSE);
      const char *id = bl_xlsx_attribute (names, values, "id", TRUE);

      if (name != NULL && id != NULL)
        {
          g_ptr_array_add (sheets->names, g_strdup (name));
          g_ptr_array_add (sheets->ids, g_strdup (id));
        }
    }
}

static const GMarkupParser workbook_parser = { workbook_start, NULL, NULL, NULL, NULL };

/* Styles: which cell formats show dates and times */

typedef struct {
  GHashTable *codes;      /* numFmtId → formatCode */
  GArray     *ids;        /* numFmtId of each cellXfs entry */
  gboolean    in_cell_xfs;
} Styles;

static void
styles_start (GMarkupParseContext  *context,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  Styles *styles = user_data;
  const char *local = bl_xlsx_local_name (element);

  if (g_str_equal (local, "numFmt"))
    {
      const char *id = bl_xlsx_attribute (names, values, "numFmtId", FALSE);
      const char *code = bl_xlsx_attribute (names, values, "formatCode", FALSE);

      if (id != NULL && code != NULL && g_hash_table_size (styles->codes) < BL_XLSX_MAX_ENTRIES)
        g_hash_table_replace (styles->codes, GUINT_TO_POINTER ((guint) g_ascii_strtoull (id, NULL, 10)),
                              g_strdup (code));
    }
  else if (g_str_equal (local, "cellXfs"))
    styles->in_cell_xfs = TRUE;
  else if (g_str_equal (local, "xf") && styles->in_cell_xfs)
    {
      const char *id = bl_xlsx_attribute (names, values, "numFmtId", FALSE);
      guint value = id != NULL ? (guint) g_ascii_strtoull (id, NULL, 10) : 0;

      if (styles->ids->len >= BL_XLSX_MAX_ENTRIES * 10)
        {
          g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT, "too many cell formats");
          return;
        }
      g_array_append_val (styles->ids, value);
    }
}

static void
styles_end (GMarkupParseContext  *context,
            const char           *element,
            gpointer              user_data,
            GError              **error)
{
  Styles *styles = user_data;

  if (g_str_equal (bl_xlsx_local_name (element), "cellXfs"))
    styles->in_cell_xfs = FALSE;
}

static const GMarkupParser styles_parser = { styles_start, styles_end, NULL, NULL, NULL };

/* Shared strings: the text of each <si>, phonetic runs (<rPh>) left out */

typedef struct {
  const char *name;
  GPtrArray *strings;
  GString   *text;
  gboolean   in_si;
  gboolean   in_t;
  guint      phonetic;
} Strings;

static void
strings_start (GMarkupParseContext  *context,
               const char           *element,
               const char          **names,
               const char          **values,
               gpointer              user_data,
               GError              **error)
{
  Strings *strings = user_data;
  const char *local = bl_xlsx_local_name (element);

  if (g_str_equal (local, "si"))
    {
      strings->in_si = TRUE;
      g_string_truncate (strings->text, 0);
    }
  else if (g_str_equal (local, "rPh"))
    strings->phonetic++;
  else if (g_str_equal (local, "t") && strings->in_si && strings->phonetic == 0)
    strings->in_t = TRUE;
}

static void
strings_end (GMarkupParseContext  *context,
             const char           *element,
             gpointer              user_data,
             GError              **error)
{
  Strings *strings = user_data;
  const char *local = bl_xlsx_local_name (element);

  if (g_str_equal (local, "t"))
    strings->in_t = FALSE;
  else if (g_str_equal (local, "rPh") && strings->phonetic > 0)
    strings->phonetic--;
  else if (g_str_equal (local, "si") && strings->in_si)
    {
      if (strings->strings->len >= BL_TABLE_MAX_CELLS)
        {
          g_set_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_TOO_LARGE,
                       _("%s: the workbook has more than %u different texts"), strings->name, BL_TABLE_MAX_CELLS);
          return;
        }
      g_ptr_array_add (strings->strings, bl_xlsx_unescape (strings->text->str, strings->text->len));
      strings->in_si = FALSE;
    }
}

static void
strings_text (GMarkupParseContext  *context,
              const char           *text,
              gsize                 length,
              gpointer              user_data,
              GError              **error)
{
  Strings *strings = user_data;

  if (strings->in_t)
    g_string_append_len (strings->text, text, (gssize) length);
}

static const GMarkupParser strings_parser = { strings_start, strings_end, strings_text, NULL, NULL };

/* The workbook as a whole */

typedef struct {
  BlXlsxBook  book;
  GStrv       sheet_names;
  GStrv       sheet_paths;
} Workbook;

static void
workbook_free (Workbook *workbook)
{
  g_clear_pointer (&workbook->book.strings, g_ptr_array_unref);
  g_clear_pointer (&workbook->book.xf_formats, g_array_unref);
  g_strfreev (workbook->sheet_names);
  g_strfreev (workbook->sheet_paths);
  g_free (workbook);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Workbook, workbook_free)

static gboolean
read_rels (BlXlsxBook  *book,
           const char  *path,
           const char  *base,
           Rels        *rels,
           GError     **error)
{
  gboolean found;

  rels->base = base;
  rels->targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  rels->document = rels->styles = rels->shared_strings = NULL;
  return bl_xlsx_read_part (book, path, &rels_parser, rels, &found, error);
}

static void
rels_clear (Rels *rels)
{
  g_clear_pointer (&rels->targets, g_hash_table_unref);
  g_clear_pointer (&rels->document, g_free);
  g_clear_pointer (&rels->styles, g_free);
  g_clear_pointer (&rels->shared_strings, g_free);
}

/* The workbook's sheets (names and parts), without reading any sheet. */
static Workbook *
workbook_open (const char  *name,
               GBytes      *bytes,
               gboolean     with_cells,
               GError     **error)
{
  g_autoptr(Workbook) workbook = g_new0 (Workbook, 1);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *document = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *rels_path = NULL;
  Rels package = { 0 }, book_rels = { 0 };
  Sheets sheets = { g_ptr_array_new_with_free_func (g_free), g_ptr_array_new_with_free_func (g_free), FALSE };
  gboolean found = FALSE, ok;

  workbook->book.name = name;
  workbook->book.data = g_bytes_get_data (bytes, &workbook->book.length);
  workbook->book.strings = g_ptr_array_new_with_free_func (g_free);
  workbook->book.xf_formats = g_array_new (FALSE, FALSE, sizeof (BlXlsxFormat));

  ok = read_rels (&workbook->book, "_rels/.rels", "", &package, error);
  document = ok && package.document != NULL ? g_strdup (package.document) : g_strdup ("xl/workbook.xml");
  rels_clear (&package);
  if (!ok)
    goto fail;

  folder = g_path_get_dirname (document);
  if (g_str_equal (folder, "."))
    folder[0] = '\0';
  {
    g_autofree char *base = g_path_get_basename (document);
    rels_path = *folder != '\0' ? g_strdup_printf ("%s/_rels/%s.rels", folder, base)
                                : g_strdup_printf ("_rels/%s.rels", base);
  }
  ok = read_rels (&workbook->book, rels_path, folder, &book_rels, error) &&
       bl_xlsx_read_part (&workbook->book, document, &workbook_parser, &sheets, &found, error);
  if (ok && (!found || sheets.names->len == 0))
    {
      bl_xlsx_set_corrupt (error, name, found ? "the workbook has no sheet" : "no workbook part");
      ok = FALSE;
    }
  if (!ok)
    goto fail;

  for (guint i = 0; i < sheets.names->len; i++)
    {
      const char *path = g_hash_table_lookup (book_rels.targets, g_ptr_array_index (sheets.ids, i));
      g_ptr_array_add (paths, g_strdup (path != NULL ? path : ""));
    }
  g_ptr_array_add (paths, NULL);
  g_ptr_array_add (sheets.names, NULL);
  workbook->sheet_paths = (GStrv) g_ptr_array_steal (paths, NULL);
  workbook->sheet_names = (GStrv) g_ptr_array_steal (sheets.names, NULL);
  workbook->book.date1904 = sheets.date1904;

  if (with_cells)
    {
      Styles styles = { g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free),
                        g_array_new (FALSE, FALSE, sizeof (guint)), FALSE };
      Strings strings = { name, workbook->book.strings, g_string_new (NULL), FALSE, FALSE, 0 };
      /* The relationships name these parts; the usual names are the fallback. */
      g_autofree char *styles_path = book_rels.styles != NULL ? g_strdup (book_rels.styles)
                                     : g_strdup_printf ("%s%sstyles.xml", folder, *folder != '\0' ? "/" : "");
      g_autofree char *strings_path = book_rels.shared_strings != NULL ? g_strdup (book_rels.shared_strings)
                                      : g_strdup_printf ("%s%ssharedStrings.xml", folder, *folder != '\0' ? "/" : "");

      ok = bl_xlsx_read_part (&workbook->book, styles_path, &styles_parser, &styles, &found, error) &&
           bl_xlsx_read_part (&workbook->book, strings_path, &strings_parser, &strings, &found, error);
      for (guint i = 0; ok && i < styles.ids->len; i++)
        {
          guint id = g_array_index (styles.ids, guint, i);
          BlXlsxFormat format = bl_xlsx_classify_format (id, g_hash_table_lookup (styles.codes, GUINT_TO_POINTER (id)));

          g_array_append_val (workbook->book.xf_formats, format);
        }
      g_hash_table_unref (styles.codes);
      g_array_unref (styles.ids);
      g_string_free (strings.text, TRUE);
    }

fail:
  rels_clear (&book_rels);
  g_ptr_array_unref (sheets.names);
  g_ptr_array_unref (sheets.ids);
  if (!ok)
    return NULL;
  return g_steal_pointer (&workbook);
}

GStrv
bl_xlsx_list_sheets (const char  *name,
                     GBytes      *bytes,
                     GError     **error)
{
  g_autoptr(Workbook) workbook = NULL;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  workbook = workbook_open (name, bytes, FALSE, error);
  if (workbook == NULL)
    return NULL;
  return g_strdupv (workbook->sheet_names);
}

BlTable *
bl_xlsx_read (const char          *name,
              GBytes              *bytes,
              const char * const  *sheet_names,
              GError             **error)
{
  g_autoptr(Workbook) workbook = NULL;
  guint chosen = 0;
  gboolean matched = FALSE;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  workbook = workbook_open (name, bytes, TRUE, error);
  if (workbook == NULL)
    return NULL;

  for (guint k = 0; sheet_names != NULL && sheet_names[k] != NULL && !matched; k++)
    for (guint i = 0; workbook->sheet_names[i] != NULL && !matched; i++)
      if (g_str_equal (workbook->sheet_names[i], sheet_names[k]))
        {
          chosen = i;
          matched = TRUE;
        }

  if (*workbook->sheet_paths[chosen] == '\0')
    {
      g_autofree char *detail = g_strdup_printf ("the sheet “%s” has no part", workbook->sheet_names[chosen]);
      bl_xlsx_set_corrupt (error, name, detail);
      return NULL;
    }
  return bl_xlsx_read_sheet (&workbook->book, workbook->sheet_names[chosen], workbook->sheet_paths[chosen], error);
}
