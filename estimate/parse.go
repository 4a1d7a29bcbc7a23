package estimate

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// ErrSyntax reports text that [ParseRange] cannot read as a number or a
// range.
var ErrSyntax = errors.New("invalid syntax")

// maxRangeText bounds the text [ParseRange] reads: no figure a person types
// needs more, and a bound keeps the work linear in a small constant.
const maxRangeText = 256

// multipliers are the word and letter suffixes ParseRange reads, longest
// first so that "trn" is not read as "tn" after an "r".
var multipliers = [...]struct {
	suffix string
	scale  float64
}{
	{"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12},
	{"trn", 1e12}, {"tn", 1e12}, {"bn", 1e9}, {"mn", 1e6},
	{"тыс.", 1e3}, {"тыс", 1e3}, {"млн", 1e6}, {"млрд", 1e9}, {"трлн", 1e12},
	{"%", 0.01}, {"k", 1e3}, {"K", 1e3}, {"M", 1e6}, {"m", 1e6}, {"b", 1e9},
}

// ParseRange reads a figure as people write it in a report or on a command
// line: a point ("800k", "1,2 trillion", "1.5%", "0.015", "1e-3") or a range
// ("600,000-1,000,000", "600k–1M", "1.25%-1.75%", "450 to 800 thousand").
// For a point lo == hi; for a range lo < hi. It reads the forms that
// [Estimate.String] writes, so a printed figure can be typed back.
//
// The rules:
//   - A range is two values joined by "-", "–" (en dash), "—" or " to ". A
//     "-" right after an exponent's "e" belongs to the number ("1e-3").
//   - A value may end in a multiplier: k or thousand (10³); M, m, mn or
//     million (10⁶); bn, b or billion (10⁹); trn, tn or trillion (10¹²);
//     the Russian тыс, млн, млрд and трлн; or % (1/100). When only the high end of a range has one, it applies to
//     both ends: "600–800k" is 600k to 800k, "1.25–1.75%" is 1.25% to 1.75%.
//   - Digits may be grouped with "_", spaces or commas. A comma followed by
//     exactly three digits (and no decimal point after) groups thousands, as
//     in "1,000,000", unless the digits before it are "0" ("0,015" is
//     0.015); any other comma is a decimal comma, as in "1,5%"
//     (1.5%) or "0,015", so a European decimal is never read as ten times
//     the value. "1.234,5" and "1,234.5" both read as 1234.5: where both
//     marks appear, the last is the decimal point.
//   - Values are finite and not negative: a leading "-" is an error, since
//     "-" also joins a range. NaN, Inf and hexadecimal are errors.
//
// Errors wrap [ErrSyntax] for text that is not a figure, and [ErrInvalid]
// for a range whose low end is not below its high end; both quote the text.
func ParseRange(s string) (lo, hi float64, err error) {
	fail := func(sentinel error, why string) (float64, float64, error) {
		return 0, 0, fmt.Errorf("estimate: ParseRange %q: %s: %w", clip(s), why, sentinel)
	}
	if len(s) > maxRangeText {
		return fail(ErrSyntax, fmt.Sprintf("longer than %d bytes", maxRangeText))
	}
	if !utf8.ValidString(s) {
		return fail(ErrSyntax, "not valid UTF-8")
	}
	t := strings.TrimSpace(s)
	if t == "" {
		return fail(ErrSyntax, "empty")
	}
	if t[0] == '-' || strings.HasPrefix(t, "−") {
		return fail(ErrSyntax, "negative: a figure here is not below zero")
	}
	a, b, isRange := splitRange(t)
	if !isRange {
		v, _, why := parseFigure(a)
		if why != "" {
			return fail(ErrSyntax, why)
		}
		return v, v, nil
	}
	hiVal, hiScale, why := parseFigure(b)
	if why != "" {
		return fail(ErrSyntax, "high end: "+why)
	}
	loVal, loScale, why := parseFigure(a)
	if why != "" {
		return fail(ErrSyntax, "low end: "+why)
	}
	if loScale == 0 && hiScale != 0 { // "600–800k": the suffix is shared
		loVal *= hiScale
	}
	if !(loVal < hiVal) {
		return fail(ErrInvalid, "the low end must be below the high end")
	}
	return loVal, hiVal, nil
}

// splitRange splits t at its range separator, if any.
func splitRange(t string) (a, b string, ok bool) {
	for _, sep := range []string{"–", "—", " to "} {
		if a, b, ok := strings.Cut(t, sep); ok {
			return a, b, true
		}
	}
	for i := 1; i < len(t); i++ {
		if t[i] == '-' && t[i-1] != 'e' && t[i-1] != 'E' {
			return t[:i], t[i+1:], true
		}
	}
	return t, "", false
}

// parseFigure reads one value with an optional multiplier. scale is the
// multiplier written (0 when none); why is empty on success.
func parseFigure(s string) (v, scale float64, why string) {
	t := strings.TrimSpace(s)
	for _, m := range multipliers {
		if num, ok := strings.CutSuffix(t, m.suffix); ok && num != "" {
			// What is left must be a number: normalize refuses letters,
			// so "1.3M" reads but "aM" does not.
			t, scale = strings.TrimSpace(num), m.scale
			break
		}
	}
	num, why := normalize(t)
	if why != "" {
		return 0, 0, why
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil {
		if errors.Is(err, strconv.ErrRange) {
			return 0, 0, fmt.Sprintf("%q is out of range", clip(s))
		}
		return 0, 0, fmt.Sprintf("%q is not a number", clip(s))
	}
	if scale != 0 {
		v *= scale
	}
	if math.IsInf(v, 0) {
		return 0, 0, fmt.Sprintf("%q is out of range", clip(s))
	}
	return v, scale, ""
}

// normalize removes digit grouping and turns a decimal comma into a point,
// leaving text for strconv.ParseFloat, or says why it cannot.
func normalize(t string) (string, string) {
	if t == "" {
		return "", "no number"
	}
	var b strings.Builder
	for _, r := range t {
		switch {
		case r >= '0' && r <= '9', r == '.', r == ',', r == 'e', r == 'E', r == '+', r == '-':
			b.WriteRune(r)
		case r == '_' || r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009':
			// digit grouping
		default:
			return "", fmt.Sprintf("%q is not a number", clip(t))
		}
	}
	n := b.String()
	mant, exp, hasExp := strings.Cut(strings.ToLower(n), "e")
	if strings.ContainsAny(exp, ".,") {
		return "", fmt.Sprintf("%q is not a number", clip(t))
	}
	dot, comma := strings.LastIndexByte(mant, '.'), strings.LastIndexByte(mant, ',')
	switch {
	case dot >= 0 && comma >= 0: // both: the last is the decimal point
		if dot > comma {
			mant = strings.ReplaceAll(mant, ",", "")
		} else {
			mant = strings.ReplaceAll(mant, ".", "")
			mant = strings.Replace(mant, ",", ".", 1)
		}
	case comma >= 0:
		if thousandsGroups(mant) {
			mant = strings.ReplaceAll(mant, ",", "")
		} else if strings.Count(mant, ",") == 1 {
			mant = strings.Replace(mant, ",", ".", 1)
		} else {
			return "", fmt.Sprintf("%q: commas neither group thousands nor mark one decimal", clip(t))
		}
	}
	if mant == "" || strings.Trim(mant, "0123456789.") != "" || strings.Count(mant, ".") > 1 {
		return "", fmt.Sprintf("%q is not a number", clip(t))
	}
	if hasExp {
		return mant + "e" + exp, ""
	}
	return mant, ""
}

// thousandsGroups reports whether every comma in m is followed by exactly
// three digits, as in "1,000,000", after a first group of one to three
// digits that does not start with 0 ("0,015" is a decimal).
func thousandsGroups(m string) bool {
	parts := strings.Split(m, ",")
	if len(parts[0]) == 0 || len(parts[0]) > 3 || parts[0][0] == '0' {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 || strings.Trim(p, "0123456789") != "" {
			return false
		}
	}
	return true
}

// clip shortens text quoted in an error message.
func clip(s string) string {
	const n = 40
	if len(s) <= n {
		return s
	}
	for i := n; i > 0; i-- {
		if utf8.RuneStart(s[i]) {
			return s[:i] + "…"
		}
	}
	return s[:n] + "…"
}
