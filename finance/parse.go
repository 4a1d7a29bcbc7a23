package finance

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// ErrSyntax is wrapped by the errors of [ParseAmount] for text it cannot
// read; the error quotes the input and says what is wrong.
var ErrSyntax = errors.New("invalid syntax")

// maxAmountLen bounds the input of ParseAmount, in bytes.
const maxAmountLen = 4096

// scaleWords are the short-scale multipliers ParseAmount accepts, as powers
// of ten. Keys are lower case.
var scaleWords = map[string]int32{
	"thousand": 3, "thousands": 3, "k": 3, "тыс": 3, "тыс.": 3,
	"million": 6, "millions": 6, "m": 6, "mn": 6, "mln": 6, "млн": 6, "млн.": 6,
	"billion": 9, "billions": 9, "bn": 9, "b": 9, "млрд": 9, "млрд.": 9,
	"trillion": 12, "trillions": 12, "tn": 12, "trn": 12, "трлн": 12, "трлн.": 12,
}

// currencyWords are the names and signs ParseAmount accepts besides ISO
// codes. Keys are lower case.
var currencyWords = map[string]Currency{
	"₽": RUB, "rouble": RUB, "roubles": RUB, "ruble": RUB, "rubles": RUB,
	"руб": RUB, "руб.": RUB, "рубль": RUB, "рубля": RUB, "рублей": RUB,
	"$": USD, "us$": USD, "dollar": USD, "dollars": USD, "us dollar": USD, "us dollars": USD,
	"доллар": USD, "доллара": USD, "долларов": USD,
	"£": GBP, "pound": GBP, "pounds": GBP, "pound sterling": GBP, "pounds sterling": GBP,
	"фунт": GBP, "фунта": GBP, "фунтов": GBP,
	"€": EUR, "euro": EUR, "euros": EUR, "евро": EUR,
	"yuan": CNY, "renminbi": CNY, "cn¥": CNY, "юань": CNY, "юаня": CNY, "юаней": CNY,
	"yen": JPY, "jp¥": JPY, "иена": JPY, "иены": JPY, "иен": JPY,
}

// ambiguousWords are signs shared by several currencies.
var ambiguousWords = map[string]string{
	"¥": "¥ is used for both JPY and CNY",
	"￥": "￥ is used for both JPY and CNY",
}

// ParseAmount reads an amount as people write it:
//
//	1200000000000 RUB          RUB 1,200,000,000,000.00
//	1.2 trillion roubles       1.2trn RUB          ₽1.2 trillion
//	£12bn                      $15 bn              €3.5m
//	12 billion pounds          -12.50 USD          15 млрд долларов
//
// The currency is an ISO 4217 code (any case), a sign (₽, $, US$, £, €,
// CN¥, JP¥) before the number, or a name after it: rouble/ruble/руб,
// dollar ($ and "dollar" always mean USD), pound (GBP), euro, yuan, yen. A
// short-scale word may follow the number, with or without a space:
// thousand/k, million/m/mn/mln/млн, billion/bn/b/млрд, trillion/tn/trn/трлн.
// A minus sign may lead.
//
// # Numbers
//
// The number is written in English or Russian style. Its integer part is
// plain digits or groups of three digits after a first group of one to
// three, separated all by commas or all by single spaces, no-break spaces
// (U+00A0) or narrow no-break spaces (U+202F), which may mix. A decimal
// point or a decimal comma may follow, then at least one digit. With no
// decimal point, the last comma is a thousands separator when exactly three
// digits follow it to the end of the number, the number has no group spaces
// and it does not start with 0; otherwise it is the decimal comma, and the
// number's only comma:
//
//	1,200 RUB           1200 RUB (three digits follow: thousands)
//	1,200,000.50 RUB    1200000.50 RUB
//	1 200 000 RUB       1200000 RUB (also with U+00A0 or U+202F)
//	1 200 000,50 руб    1200000.50 RUB (grouped by spaces: decimal comma)
//	1,2 трлн руб        1200000000000 RUB (one digit follows: decimal comma)
//	12,50 €             12.50 EUR
//	1,2345 USD          1.2345 USD
//	0,125 BHD           0.125 BHD (starts with 0)
//
// So "1,125 BHD" is 1125 BHD; write "1.125 BHD" for one and an eighth.
// Mixed separators ("1,200 000", "1,200,5"), German style ("1.200,50"),
// groups of other sizes ("1 20", "1200 000") and two spaces in a row are
// errors that quote the number and say it is malformed.
//
// The result is exact and not rounded: "1.2 trillion roubles" is
// 1200000000000 RUB. ParseAmount reads back the output of [Amount.String].
//
// # Errors
//
// Errors quote the input. An unknown ISO code wraps [ErrUnknownCurrency];
// anything else wraps [ErrSyntax], including a malformed number (the error
// quotes the number too), the ambiguous "¥" (JPY or CNY?) and input longer
// than 4096 bytes.
func ParseAmount(s string) (Amount, error) {
	if len(s) > maxAmountLen {
		return Amount{}, fmt.Errorf("finance: parse amount %.32q...: longer than %d bytes: %w", s, maxAmountLen, ErrSyntax)
	}
	syntax := func(why string) error {
		return fmt.Errorf("finance: parse amount %q: %s: %w", s, why, ErrSyntax)
	}
	rest := strings.TrimSpace(s)
	neg := false
	if r, n := utf8.DecodeRuneInString(rest); r == '-' || r == '−' {
		neg, rest = true, strings.TrimSpace(rest[n:])
	}
	// A currency before the number.
	i := strings.IndexFunc(rest, func(r rune) bool { return isDigit(r) || r == '.' || r == ',' || r == '-' || r == '−' })
	if i < 0 {
		return Amount{}, syntax("no number")
	}
	var cur Currency
	if prefix := strings.TrimSpace(rest[:i]); prefix != "" {
		c, err := currencyWord(s, prefix)
		if err != nil {
			return Amount{}, err
		}
		cur = c
	}
	rest = rest[i:]
	if r, n := utf8.DecodeRuneInString(rest); r == '-' || r == '−' {
		if neg {
			return Amount{}, syntax("two signs")
		}
		neg, rest = true, rest[n:]
	}
	// The number.
	end := numberEnd(rest)
	num, err := parseWrittenNumber(rest[:end])
	if err != nil {
		return Amount{}, syntax(err.Error())
	}
	if after := rest[end:]; len(after) > 1 && (after[0] == 'e' || after[0] == 'E') &&
		strings.IndexByte("0123456789+-", after[1]) >= 0 {
		return Amount{}, syntax("exponent notation is not accepted; write the digits or a scale word")
	}
	// Scale and currency words after it.
	if w := strings.Fields(rest[end:]); len(w) > 0 && w[0][0] >= '0' && w[0][0] <= '9' {
		// Digits after a gap that is no group separator, as in "1  200".
		return Amount{}, syntax(fmt.Sprintf("malformed number %q", rest[:end+strings.Index(rest[end:], w[0])+len(w[0])]))
	}
	words := strings.Fields(strings.ToLower(rest[end:]))
	if len(words) > 0 {
		if exp, ok := scaleWords[words[0]]; ok {
			num = num.Shift(exp)
			words = words[1:]
		}
	}
	if len(words) > 0 {
		if cur != 0 {
			return Amount{}, syntax(fmt.Sprintf("currency given twice (%v and %q)", cur, strings.Join(words, " ")))
		}
		c, err := currencyWord(s, strings.Join(words, " "))
		if err != nil {
			return Amount{}, err
		}
		cur = c
	}
	if cur == 0 {
		return Amount{}, syntax("no currency")
	}
	if neg {
		num = num.Neg()
	}
	return Amount{val: num, cur: cur}, nil
}

// currencyWord resolves a currency code, sign or name found in input.
func currencyWord(input, w string) (Currency, error) {
	lw := strings.ToLower(w)
	if c, ok := currencyWords[lw]; ok {
		return c, nil
	}
	if why, ok := ambiguousWords[lw]; ok {
		return 0, fmt.Errorf("finance: parse amount %q: ambiguous currency: %s; write the ISO code: %w", input, why, ErrSyntax)
	}
	if len(w) == 3 && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) || r > unicode.MaxASCII }) < 0 {
		c, err := ParseCurrency(w)
		if err != nil {
			return 0, fmt.Errorf("finance: parse amount %q: currency %q is not in the ISO 4217 list: %w", input, w, ErrUnknownCurrency)
		}
		return c, nil
	}
	if _, ok := scaleWords[lw]; ok {
		return 0, fmt.Errorf("finance: parse amount %q: scale word %q out of place: %w", input, w, ErrSyntax)
	}
	return 0, fmt.Errorf("finance: parse amount %q: unknown currency word %q: %w", input, w, ErrSyntax)
}

// isGroupSpace reports whether r may separate groups of three digits: a
// space, a no-break space or a narrow no-break space.
func isGroupSpace(r rune) bool { return r == ' ' || r == '\u00a0' || r == '\u202f' }

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// numberEnd returns the length of the number at the start of s: digits,
// '.' and ',', and single group spaces between two digits.
func numberEnd(s string) int {
	prev := rune(-1)
	for i, r := range s {
		if isDigit(r) || r == '.' || r == ',' {
			prev = r
			continue
		}
		if isGroupSpace(r) && isDigit(prev) {
			if next, _ := utf8.DecodeRuneInString(s[i+utf8.RuneLen(r):]); isDigit(next) {
				prev = r
				continue
			}
		}
		return i
	}
	return len(s)
}

// parseWrittenNumber reads a number as ParseAmount documents it: an integer
// part, plain or in groups of three digits separated by commas or by group
// spaces, then optionally a decimal point or decimal comma and digits. A
// comma followed by exactly three digits (and nothing else) is a thousands
// separator, unless the integer part is grouped by spaces or the number
// starts with 0; any other comma is the decimal comma.
func parseWrittenNumber(s string) (decimal.Decimal, error) {
	if s == "" {
		return decimal.Decimal{}, errors.New("no number")
	}
	malformed := func(format string, args ...any) (decimal.Decimal, error) {
		return decimal.Decimal{}, fmt.Errorf("malformed number %q: "+format, append([]any{s}, args...)...)
	}
	spaced := strings.ContainsFunc(s, isGroupSpace)
	intPart, frac, mark := s, "", ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac, mark = s[:i], s[i+1:], "point"
	} else if i := strings.LastIndexByte(s, ','); i >= 0 {
		after := s[i+1:]
		if thousands := len(after) == 3 && allDigits(after) && !spaced && s[0] != '0'; !thousands {
			intPart, frac, mark = s[:i], after, "comma"
		}
	}
	if mark != "" && frac == "" {
		return malformed("no digits after the decimal %s", mark)
	}
	if !allDigits(frac) {
		return malformed("only digits may follow the decimal %s", mark)
	}
	var groups []string
	commas := strings.Contains(intPart, ",")
	switch {
	case commas && spaced:
		return malformed("digit groups separated both by commas and by spaces")
	case commas && mark == "comma":
		return malformed("commas both between digit groups and as the decimal comma")
	case commas:
		groups = strings.Split(intPart, ",")
	case spaced:
		groups = strings.FieldsFunc(intPart, isGroupSpace)
	}
	if groups != nil {
		if n := len(groups[0]); n < 1 || n > 3 {
			return malformed("the first digit group has %d digits, want 1 to 3", n)
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return malformed("digit group %q has %d digits, want 3", g, len(g))
			}
		}
		intPart = strings.Join(groups, "")
	}
	if !allDigits(intPart) || intPart == "" && frac == "" {
		return malformed("not a decimal number")
	}
	d, err := decimal.NewFromString(intPart + "." + frac)
	if frac == "" {
		d, err = decimal.NewFromString(intPart)
	}
	if err != nil {
		return malformed("not a decimal number")
	}
	return d, nil
}

// parseNumber reads digits with an optional '.' decimal point and optional
// ',' thousands separators between groups of exactly three digits.
func parseNumber(s string) (decimal.Decimal, error) {
	if s == "" {
		return decimal.Decimal{}, errors.New("no number")
	}
	intPart, frac, hasPoint := strings.Cut(s, ".")
	if strings.ContainsAny(frac, ".,") {
		return decimal.Decimal{}, fmt.Errorf("bad number %q", s)
	}
	if strings.Contains(intPart, ",") {
		groups := strings.Split(intPart, ",")
		if len(groups[0]) < 1 || len(groups[0]) > 3 {
			return decimal.Decimal{}, fmt.Errorf("bad digit grouping in %q", s)
		}
		for _, g := range groups[1:] {
			if len(g) != 3 {
				return decimal.Decimal{}, fmt.Errorf("bad digit grouping in %q", s)
			}
		}
		intPart = strings.Join(groups, "")
	}
	if !allDigits(intPart) || !allDigits(frac) {
		return decimal.Decimal{}, fmt.Errorf("bad number %q", s)
	}
	if intPart == "" && frac == "" {
		return decimal.Decimal{}, fmt.Errorf("bad number %q", s)
	}
	if hasPoint && frac == "" {
		return decimal.Decimal{}, fmt.Errorf("no digits after the point in %q", s)
	}
	digits := intPart
	if hasPoint {
		digits += "." + frac
	}
	d, err := decimal.NewFromString(digits)
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("bad number %q", s)
	}
	return d, nil
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// MustParseAmount is like [ParseAmount] but panics on error. It is meant for
// literals in tests and examples.
func MustParseAmount(s string) Amount {
	a, err := ParseAmount(s)
	if err != nil {
		panic(err)
	}
	return a
}
