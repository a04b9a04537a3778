/* bl-text-file.c: files as text: reading them safely, finding their encoding and
 * delimiter, and quoting what they contain in one-line messages */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bl-table.h"
#include "bl-text-file.h"

#define UTF8_BOM "\xef\xbb\xbf"

/* Reading */

GBytes *
bl_text_read_file (const char  *path,
                   gsize        max_size,
                   GError     **error)
{
  g_autofree char *size_text = NULL;
  g_autofree char *limit_text = NULL;
  g_autofree guint8 *buffer = NULL;
  struct stat info;
  gsize length = 0, allocated;
  int fd, saved;

  g_return_val_if_fail (path != NULL, NULL);

  /* O_NONBLOCK: opening a FIFO must not wait for a writer. */
  fd = g_open (path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      saved = errno;
      g_set_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_IO, "%s: %s", path, g_strerror (saved));
      return NULL;
    }
  if (fstat (fd, &info) != 0)
    {
      saved = errno;
      close (fd);
      g_set_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_IO, "%s: %s", path, g_strerror (saved));
      return NULL;
    }
  if (S_ISDIR (info.st_mode))
    {
      close (fd);
      g_set_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_NOT_REGULAR, _("%s: this is a folder, not a file"), path);
      return NULL;
    }
  if (!S_ISREG (info.st_mode))
    {
      close (fd);
      g_set_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_NOT_REGULAR,
                   _("%s: this is not an ordinary file (a pipe or a device): save the table to a file first"), path);
      return NULL;
    }

  limit_text = g_format_size (max_size);
  if ((guint64) info.st_size > max_size)
    {
      close (fd);
      size_text = g_format_size ((guint64) info.st_size);
      g_set_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_TOO_LARGE,
                   _("%s: the file is %s; files larger than %s are not read"), path, size_text, limit_text);
      return NULL;
    }

  /* One byte more than announced, to notice a file that grew meanwhile. */
  allocated = (gsize) info.st_size + 1;
  buffer = g_malloc (allocated);
  while (TRUE)
    {
      gssize n;

      if (length == allocated)
        {
          if (allocated > max_size)
            {
              close (fd);
              g_set_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_TOO_LARGE,
                           _("%s: the file is larger than %s and is not read"), path, limit_text);
              return NULL;
            }
          allocated = MIN (allocated * 2, max_size + 1);
          buffer = g_realloc (buffer, allocated);
        }
      n = read (fd, buffer + length, allocated - length);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          saved = errno;
          close (fd);
          g_set_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_IO, "%s: %s", path, g_strerror (saved));
          return NULL;
        }
      if (n == 0)
        break;
      length += (gsize) n;
    }
  close (fd);
  return g_bytes_new_take (g_steal_pointer (&buffer), length);
}

/* Decoding */

/* The line that byte @offset is on: CRLF, CR and LF each end a line. */
static guint
line_at (const char *data,
         gsize       offset)
{
  guint line = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        line++;
      else if (data[i] == '\r' && (i + 1 >= offset || data[i + 1] != '\n'))
        line++;
    }
  return line;
}

static char *
not_text (const char  *name,
          guint        line,
          GError     **error)
{
  g_set_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_NOT_TEXT,
               _("%s:%u: the file is not text in UTF-8, GBK or UTF-16 (save it from Excel or WPS as “CSV UTF-8”)"),
               name, line);
  return NULL;
}

/* @data converted from @charset, or NULL with the offset of the first byte
 * that could not be converted. */
static char *
convert (const char *data,
         gsize       length,
         const char *charset,
         gsize      *out_length,
         gsize      *bad_offset)
{
  g_autoptr(GError) error = NULL;
  gsize read = 0, written = 0;
  char *out;

  /* With @read given, a character cut off at the end is no error for
   * g_convert(): it only reads less. */
  out = g_convert (data, (gssize) length, "UTF-8", charset, &read, &written, &error);
  if (out == NULL || read < length)
    {
      g_free (out);
      *bad_offset = read;
      return NULL;
    }
  *out_length = written;
  return out;
}

char *
bl_text_decode (const char      *name,
                const char      *data,
                gsize            length,
                BlTextEncoding  *encoding,
                gsize           *out_length,
                GError         **error)
{
  BlTextEncoding found;
  const char *end = NULL;
  char *text = NULL;
  gsize text_length = 0, bad = 0, bad_gb = 0;
  const char *nul;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
    {
      found = BL_TEXT_UTF8_BOM;
      if (!g_utf8_validate (data + 3, (gssize) (length - 3), &end))
        return not_text (name, line_at (data, (gsize) (end - data)), error);
      text = g_strndup (data + 3, length - 3);
      text_length = length - 3;
    }
  else if (length >= 2 && ((guchar) data[0] == 0xff && (guchar) data[1] == 0xfe))
    {
      found = BL_TEXT_UTF16LE;
      text = convert (data + 2, length - 2, "UTF-16LE", &text_length, &bad);
    }
  else if (length >= 2 && ((guchar) data[0] == 0xfe && (guchar) data[1] == 0xff))
    {
      found = BL_TEXT_UTF16BE;
      text = convert (data + 2, length - 2, "UTF-16BE", &text_length, &bad);
    }
  else if (g_utf8_validate (data, (gssize) length, &end))
    {
      found = BL_TEXT_UTF8;
      text = g_strndup (data, length);
      text_length = length;
    }
  else
    {
      found = BL_TEXT_GB18030;
      text = convert (data, length, "GB18030", &text_length, &bad_gb);
      if (text == NULL)
        {
          /* Neither: point at the later failure, in whichever encoding came
           * further (line breaks are the same bytes in both). */
          gsize at = MAX ((gsize) (end - data), bad_gb);
          return not_text (name, line_at (data, MIN (at, length)), error);
        }
    }

  if (text == NULL)
    {
      g_autofree char *prefix = NULL;
      gsize prefix_length = 0, ignored = 0;

      /* Count lines in what did convert. */
      bad -= bad % 2;
      prefix = convert (data + 2, bad, found == BL_TEXT_UTF16LE ? "UTF-16LE" : "UTF-16BE", &prefix_length, &ignored);
      return not_text (name, prefix != NULL ? line_at (prefix, prefix_length) : 1, error);
    }

  nul = memchr (text, '\0', text_length);
  if (nul != NULL)
    {
      guint line = line_at (text, (gsize) (nul - text));

      g_free (text);
      g_set_error (error, BL_TABLE_ERROR, BL_TABLE_ERROR_NOT_TEXT,
                   _("%s:%u: the file holds NUL characters: it is not a text file"), name, line);
      return NULL;
    }

  if (encoding != NULL)
    *encoding = found;
  if (out_length != NULL)
    *out_length = text_length;
  return text;
}

const char *
bl_text_encoding_name (BlTextEncoding encoding)
{
  switch (encoding)
    {
    case BL_TEXT_UTF8:
    case BL_TEXT_UTF8_BOM:
      return "UTF-8";
    case BL_TEXT_UTF16LE:
    case BL_TEXT_UTF16BE:
      return "UTF-16";
    case BL_TEXT_GB18030:
      return "GBK";
    default:
      g_return_val_if_reached ("UTF-8");
    }
}

char *
bl_text_encoding_note (BlTextEncoding encoding)
{
  if (encoding == BL_TEXT_UTF8 || encoding == BL_TEXT_UTF8_BOM)
    return NULL;
  /* TRANSLATORS: %s is an encoding: GBK or UTF-16 */
  return g_strdup_printf (_("read as %s"), bl_text_encoding_name (encoding));
}

char
bl_text_detect_delimiter (const char *text,
                          gsize       length)
{
  static const char candidates[] = { ',', '\t', ';' };
  guint counts[G_N_ELEMENTS (candidates)] = { 0 };
  gboolean quoted = FALSE;
  guint best = 0;

  g_return_val_if_fail (text != NULL || length == 0, ',');

  for (gsize i = 0; i < length; i++)
    {
      char c = text[i];

      if (c == '"')
        quoted = !quoted;
      else if (!quoted && (c == '\n' || c == '\r'))
        break;
      else if (!quoted)
        for (guint k = 0; k < G_N_ELEMENTS (candidates); k++)
          counts[k] += c == candidates[k];
    }
  for (guint k = 1; k < G_N_ELEMENTS (candidates); k++)
    if (counts[k] > counts[best])
      best = k;
  return candidates[best];
}

/* Quoting */

static gboolean
needs_escape (gunichar c)
{
  return c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) ||
         c == 0x200e || c == 0x200f || c == 0x2028 || c == 0x2029 ||
         (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
}

char *
bl_text_quote (const char *value,
               guint       max_chars)
{
  g_autofree char *valid = NULL;
  GString *out;
  guint n = 0;

  if (value == NULL)
    return g_strdup ("");
  if (!g_utf8_validate (value, -1, NULL))
    value = valid = g_utf8_make_valid (value, -1);

  out = g_string_new (NULL);
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (n == max_chars)
        {
          g_string_append (out, "…");
          break;
        }
      if (!needs_escape (c))
        g_string_append_unichar (out, c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x80)
        g_string_append_printf (out, "\\x%02X", c);
      else
        g_string_append_printf (out, "\\u%04X", c);
    }
  return g_string_free (out, FALSE);
}

typedef enum {
  ARG_NONE,
  ARG_STRING,
  ARG_UINT,
  ARG_INT,
} ArgType;

#define MAX_ARGS 9

/* Reads one conversion after '%' at *p: its argument's index and type. */
static gboolean
parse_conversion (const char **p,
                  guint       *next,
                  guint       *index,
                  ArgType     *type)
{
  const char *c = *p;

  *index = (*next)++;
  if (c[0] >= '1' && c[0] <= '9' && c[1] == '$')
    {
      *index = (guint) (c[0] - '1');
      c += 2;
    }
  switch (*c)
    {
    case 's':
      *type = ARG_STRING;
      break;
    case 'u':
      *type = ARG_UINT;
      break;
    case 'd':
    case 'i':
      *type = ARG_INT;
      break;
    default:
      return FALSE;
    }
  *p = c;
  return *index < MAX_ARGS;
}

char *
bl_text_format_message (const char *format,
                        va_list     args)
{
  ArgType types[MAX_ARGS] = { ARG_NONE };
  union { const char *s; guint u; int i; } values[MAX_ARGS];
  guint n_args = 0, next = 0, index;
  ArgType type = ARG_NONE;
  GString *out;

  g_return_val_if_fail (format != NULL, NULL);

  for (const char *p = format; *p != '\0'; p++)
    {
      if (*p != '%')
        continue;
      if (*++p == '%')
        continue;
      if (!parse_conversion (&p, &next, &index, &type))
        {
          g_critical ("bl_text_format_message: unsupported format “%s”", format);
          return g_strdup (format);
        }
      types[index] = type;
      n_args = MAX (n_args, index + 1);
    }
  for (guint i = 0; i < n_args; i++)
    {
      switch (types[i])
        {
        case ARG_STRING:
          values[i].s = va_arg (args, const char *);
          break;
        case ARG_UINT:
          values[i].u = va_arg (args, guint);
          break;
        case ARG_INT:
          values[i].i = va_arg (args, int);
          break;
        case ARG_NONE:
        default:
          g_critical ("bl_text_format_message: argument %u unused in “%s”", i + 1, format);
          return g_strdup (format);
        }
    }

  out = g_string_new (NULL);
  next = 0;
  for (const char *p = format; *p != '\0'; p++)
    {
      const char *start = p;

      if (*p != '%')
        {
          g_string_append_c (out, *p);
          continue;
        }
      if (*++p == '%')
        {
          g_string_append_c (out, '%');
          continue;
        }
      parse_conversion (&p, &next, &index, &type);
      if (type == ARG_STRING)
        {
          gboolean quoted = start - format >= 3 && memcmp (start - 3, "“", 3) == 0;
          g_autofree char *quoted_value = bl_text_quote (values[index].s != NULL ? values[index].s : "(null)",
                                                         quoted ? BL_TEXT_QUOTE_CHARS : G_MAXUINT);

          g_string_append (out, quoted_value);
        }
      else if (type == ARG_UINT)
        g_string_append_printf (out, "%u", values[index].u);
      else
        g_string_append_printf (out, "%d", values[index].i);
    }
  return g_string_free (out, FALSE);
}
