/* unicode_driver.c — prints every property of src/runtime/lib/unicode_db.c for all code points,
 * for tests/unicode.test.ts to compare with CPython's answers. Hosted C (uses stdio).
 *
 * One line per run of code points with the same description:
 *   <first code point, hex> <category> <flags> <decimal> <digit> <numeric %.17g>
 *   <upper> <lower> <title> <folded> <lower1>
 * flags holds one letter per predicate, '.' when false: a(lpha) d(ecimal) (di)g(it) n(umeric)
 * (al)m(um) s(pace) l(ower) u(pper) t(itle) p(rintable) c(ased) (case-)i(gnorable)
 * S (identifier start) C (identifier continue) b (linebreak), and r when the re module would
 * treat the character as cased (to_upper1 or to_lower1 changes it). A mapping is its code
 * points as comma-separated differences from the code point, so that runs compress. */
#include <stdio.h>
#include <string.h>

#include "unicode_db.h"

static void put_map(char *buf, size_t cap, uint32_t cp, int (*fn)(uint32_t, uint32_t *)) {
    uint32_t out[PYNC_UCD_MAX_CASE_MAP];
    int n = fn(cp, out);
    size_t len = strlen(buf);
    snprintf(buf + len, cap - len, " ");
    for (int i = 0; i < n; i++) {
        len = strlen(buf);
        snprintf(buf + len, cap - len, "%s%ld", i ? "," : "", (long)out[i] - (long)cp);
    }
}

int main(void) {
    static char line[256], prev[256];
    prev[0] = '\0';
    for (uint32_t cp = 0; cp < 0x110000; cp++) {
        char f[17];
        f[0] = pync_ucd_isalpha(cp) ? 'a' : '.';
        f[1] = pync_ucd_isdecimal(cp) ? 'd' : '.';
        f[2] = pync_ucd_isdigit(cp) ? 'g' : '.';
        f[3] = pync_ucd_isnumeric(cp) ? 'n' : '.';
        f[4] = pync_ucd_isalnum(cp) ? 'm' : '.';
        f[5] = pync_ucd_isspace(cp) ? 's' : '.';
        f[6] = pync_ucd_islower(cp) ? 'l' : '.';
        f[7] = pync_ucd_isupper(cp) ? 'u' : '.';
        f[8] = pync_ucd_istitle(cp) ? 't' : '.';
        f[9] = pync_ucd_isprintable(cp) ? 'p' : '.';
        f[10] = pync_ucd_is_cased(cp) ? 'c' : '.';
        f[11] = pync_ucd_is_case_ignorable(cp) ? 'i' : '.';
        f[12] = pync_ucd_isidentifier_start(cp) ? 'S' : '.';
        f[13] = pync_ucd_isidentifier_continue(cp) ? 'C' : '.';
        f[14] = pync_ucd_islinebreak(cp) ? 'b' : '.';
        f[15] = (pync_ucd_to_upper1(cp) != cp || pync_ucd_to_lower1(cp) != cp) ? 'r' : '.';
        f[16] = '\0';
        snprintf(line, sizeof line, "%s %s %d %d %.17g", pync_ucd_category_name(cp), f,
                 pync_ucd_decimal(cp), pync_ucd_digit(cp), pync_ucd_numeric(cp));
        put_map(line, sizeof line, cp, pync_ucd_to_upper);
        put_map(line, sizeof line, cp, pync_ucd_to_lower);
        put_map(line, sizeof line, cp, pync_ucd_to_title);
        put_map(line, sizeof line, cp, pync_ucd_to_folded);
        size_t len = strlen(line);
        snprintf(line + len, sizeof line - len, " %ld", (long)pync_ucd_to_lower1(cp) - (long)cp);
        if (strcmp(line, prev) != 0) {
            printf("%X %s\n", (unsigned)cp, line);
            memcpy(prev, line, sizeof line);
        }
    }
    /* Code points beyond Unicode behave as unassigned. */
    if (pync_ucd_category(0x110000) != PYNC_UCD_Cn || pync_ucd_isprintable(0xFFFFFFFFu)) {
        fprintf(stderr, "out-of-range code point not treated as unassigned\n");
        return 1;
    }
    return 0;
}
