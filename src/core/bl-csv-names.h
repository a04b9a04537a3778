/* bl-csv-names.h: the 出席 and 缺席 cells of activities.csv: lists of
 * members' names, a reason after a name on leave, and the separators between
 * them, read and written so that any name the ledger holds comes back as
 * itself (names with parentheses or with 、 , ; ， ； in them included) */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One person of a list: a member's name, and for 缺席 the reason given in
 * parentheses after it ("" when none); @named is what the names' find
 * function gave for the name (NULL in a person made by bl_csv_person_new()). */
typedef struct {
  char          *name;
  char          *reason;
  gconstpointer  named;
} BlCsvPerson;

/* One block holding both texts; freed by bl_csv_person_free(). */
BlCsvPerson *bl_csv_person_new         (const char  *name,
                                        const char  *reason);
void         bl_csv_person_free        (BlCsvPerson *person);

/* The names a list may hold: what @name names (the caller's record of the
 * member, say), or NULL when it is no member's name. Handed back in each
 * person read, so that the caller does not look the name up again. */
typedef gconstpointer (*BlCsvFindNameFunc) (const char *name,
                                            gpointer    user_data);

typedef struct {
  BlCsvFindNameFunc find;
  gpointer          user_data;
  /* How many separators a member's name holds at most (0 in almost every
   * ledger): a list is read as names joined by separators, and a name
   * with separators in it spans that many more pieces. */
  guint             max_separators;
} BlCsvNames;

typedef enum {
  BL_CSV_NAMES_OK,
  BL_CSV_NAMES_UNKNOWN,     /* a part names no member */
  BL_CSV_NAMES_AMBIGUOUS,   /* the list reads as different people */
} BlCsvNamesResult;

/* The people of a list read into storage kept from one list to the next,
 * so that an import's million names cost no allocation each: @n_people
 * people, whose texts live in @texts until the next read into it. */
typedef struct {
  BlCsvPerson *people;
  guint        n_people;
  guint        people_size;
  char        *texts;
  gsize        texts_size;
  gsize        texts_used;
} BlCsvPeople;

void         bl_csv_people_init        (BlCsvPeople *list);
void         bl_csv_people_clear       (BlCsvPeople *list);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (BlCsvPeople, bl_csv_people_clear)

/* Whether @c separates the names of a list: 、 ， ； , ; */
gboolean     bl_csv_names_is_separator (gunichar     c);

/* The people listed in @cell (BlCsvPerson*, in order). A part that is
 * exactly a member's name is that member; with @reasons, a part that ends
 * in a parenthesis is a name and a reason only when what comes before it is
 * a member's name ("张伟（病假）", "张伟(大)(病假)"). Separators inside
 * parentheses do not split (a reason may hold a comma). On
 * BL_CSV_NAMES_UNKNOWN *@bad lists the parts that name nobody; on
 * _AMBIGUOUS, the part that reads more than one way. */
BlCsvNamesResult bl_csv_names_split    (const BlCsvNames *names,
                                        const char       *cell,
                                        gboolean          reasons,
                                        GPtrArray       **people,
                                        GPtrArray       **bad);

/* As bl_csv_names_split(), the people into @into (what it held before is
 * dropped); on a result other than BL_CSV_NAMES_OK it holds nobody. */
BlCsvNamesResult bl_csv_names_read     (const BlCsvNames *names,
                                        const char       *cell,
                                        gboolean          reasons,
                                        BlCsvPeople      *into,
                                        GPtrArray       **bad);

/* The cell that lists @people (BlCsvPerson*) and reads back as them:
 * joined with 、 and a reason as "(reason)", or, where a name would then
 * read another way, with another separator or full-width parentheses. */
char        *bl_csv_names_join         (const BlCsvNames *names,
                                        GPtrArray        *people,
                                        gboolean          reasons);

G_END_DECLS
