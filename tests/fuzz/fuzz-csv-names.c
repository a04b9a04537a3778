/* fuzz-csv-names.c: libFuzzer entry point for the 出席 and 缺席 lists
 * (bl-csv-names.c). The input is a cell, read against members whose names
 * hold separators and parentheses; and the same bytes split on NUL give
 * people to list, whose cell must read back as them or be told ambiguous,
 * never as other people. See README.md, "Fuzzing". */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "bl-csv-names.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static const char * const members[] = {
  "张", "伟", "张、伟", "张伟", "张伟（大）", "欧阳,明", "李(小)", "王；五", "赵", NULL,
};

static gconstpointer
find_name_cb (const char *name,
              gpointer    user_data)
{
  for (guint i = 0; members[i] != NULL; i++)
    if (g_str_equal (members[i], name))
      return members[i];
  return NULL;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  BlCsvNames names = { find_name_cb, NULL, 1 };
  g_autofree char *cell = g_strndup ((const char *) data, size);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) bad = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_free);   /* the names are static */
  g_autofree char *joined = NULL;

  if (!g_utf8_validate (cell, -1, NULL))
    return 0;
  for (guint separators = 0; separators < 2; separators++)
    for (guint reasons = 0; reasons < 2; reasons++)
      {
        BlCsvNamesResult result;
        g_auto(BlCsvPeople) read = { 0 };
        g_autoptr(GPtrArray) read_bad = NULL;

        /* Without separators in names (max_separators 0) the lists are read
         * in one pass: the names that hold them are then read apart. */
        names.max_separators = separators;
        result = bl_csv_names_split (&names, cell, reasons, &people, &bad);
        g_assert (result != BL_CSV_NAMES_OK || (people != NULL && bad->len == 0));
        g_assert (result == BL_CSV_NAMES_OK || bad->len > 0);
        for (guint i = 0; result == BL_CSV_NAMES_OK && i < people->len; i++)
          {
            const BlCsvPerson *person = g_ptr_array_index (people, i);

            g_assert (person->named != NULL && person->named == find_name_cb (person->name, NULL));
          }

        /* The same people read into kept storage, twice (the second read
         * reuses the first's). */
        bl_csv_people_init (&read);
        for (guint again = 0; again < 2; again++)
          {
            g_clear_pointer (&read_bad, g_ptr_array_unref);
            g_assert (bl_csv_names_read (&names, cell, reasons, &read, &read_bad) == result);
            g_assert (read_bad->len == bad->len);
            g_assert (read.n_people == (result == BL_CSV_NAMES_OK ? people->len : 0));
            for (guint i = 0; i < read.n_people; i++)
              {
                const BlCsvPerson *a = &read.people[i], *b = g_ptr_array_index (people, i);

                g_assert (g_str_equal (a->name, b->name) && g_str_equal (a->reason, b->reason) &&
                          a->named == b->named);
              }
          }
        g_clear_pointer (&people, g_ptr_array_unref);
        g_clear_pointer (&bad, g_ptr_array_unref);
      }
  names.max_separators = 1;

  /* Each input byte picks a member, and a reason now and then. */
  for (size_t i = 0; i < size && i < 64; i++)
    {
      BlCsvPerson *person = g_new0 (BlCsvPerson, 1);

      person->name = (char *) members[data[i] % (G_N_ELEMENTS (members) - 1)];
      person->reason = (char *) ((data[i] & 0x80) ? "病假，住院" : "");
      g_ptr_array_add (chosen, person);
    }
  joined = bl_csv_names_join (&names, chosen, TRUE);
  if (bl_csv_names_split (&names, joined, TRUE, &people, &bad) == BL_CSV_NAMES_OK)
    {
      g_assert (people->len == chosen->len);
      for (guint i = 0; i < people->len; i++)
        {
          const BlCsvPerson *a = g_ptr_array_index (people, i), *b = g_ptr_array_index (chosen, i);

          g_assert (g_str_equal (a->name, b->name) && g_str_equal (a->reason, b->reason));
        }
    }
  return 0;
}
