package finance

import (
	"cmp"
	"errors"
	"fmt"
	"math/big"
	"math/bits"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// An Amount is an exact quantity of one currency, such as 1200000000000 RUB.
// It is immutable and safe for concurrent use. Compare amounts with
// [Amount.Equal] or [Amount.Cmp]; == does not compile.
//
// The zero Amount is 0 of the zero Currency. Arithmetic never rounds except
// where a method says so ([Amount.Round], [Amount.RoundTo],
// [Amount.Allocate] and conversions).
type Amount struct {
	_   [0]func() // forbid ==: the decimal inside holds a pointer
	val decimal.Decimal
	cur Currency
}

// A MismatchError reports an operation on amounts of different currencies.
type MismatchError struct {
	Op          string   // the operation: "add", "sub", "cmp", "convert"
	Left, Right Currency // the currencies of the two operands (for "convert": the amount's, then the rate's base)
}

// Error returns "finance: add: currency mismatch: USD and RUB".
func (e *MismatchError) Error() string {
	return fmt.Sprintf("finance: %s: currency mismatch: %v and %v", e.Op, e.Left, e.Right)
}

// NewAmount returns the amount value of currency cur. It does not round.
//
// Three constructors cover what callers hold, so that none needs to import
// shopspring/decimal for a literal: [ParseAmount] reads text ("12.50 USD",
// "£12bn"), [NewAmountFromMinor] takes integer minor units (1250 cents), and
// NewAmount takes a decimal.Decimal computed elsewhere. The decimal type may
// appear in this API because shopspring/decimal is at v1; the fields of
// Amount stay unexported so that the representation can change.
func NewAmount(value decimal.Decimal, cur Currency) Amount {
	return Amount{val: value, cur: cur}
}

// NewAmountFromMinor returns minor units of currency cur as an Amount: 1250
// USD cents is 12.50 USD, 1250 JPY (no minor units) is 1250 JPY, 1250 BHD
// fils is 1.250 BHD ([Currency.MinorUnits]). It is exact and does not
// round. Like [NewAmount] it accepts any Currency; an unknown one shows in
// the Amount's String and makes its [Amount.Value] fail.
func NewAmountFromMinor(minor int64, cur Currency) Amount {
	return Amount{val: decimal.New(minor, -cur.MinorUnits()), cur: cur}
}

// Currency returns the currency of a.
func (a Amount) Currency() Currency { return a.cur }

// Decimal returns the exact number of a, in units of its currency.
func (a Amount) Decimal() decimal.Decimal { return a.val }

// IsZero reports whether the number of a is zero, whatever its currency.
func (a Amount) IsZero() bool { return a.val.IsZero() }

// Sign returns -1, 0 or +1 as a is negative, zero or positive.
func (a Amount) Sign() int { return a.val.Sign() }

// Neg returns -a.
func (a Amount) Neg() Amount { return Amount{val: a.val.Neg(), cur: a.cur} }

// Abs returns |a|.
func (a Amount) Abs() Amount { return Amount{val: a.val.Abs(), cur: a.cur} }

// Add returns a+b exactly. Amounts of different currencies give a
// *[MismatchError]; an amount out of range (see [ErrRange]) an error
// wrapping ErrRange.
func (a Amount) Add(b Amount) (Amount, error) {
	if a.cur != b.cur {
		return Amount{}, &MismatchError{Op: "add", Left: a.cur, Right: b.cur}
	}
	if err := cmp.Or(a.checkRange("add"), b.checkRange("add")); err != nil {
		return Amount{}, err
	}
	return Amount{val: a.val.Add(b.val), cur: a.cur}, nil
}

// Sub returns a-b exactly. Amounts of different currencies give a
// *[MismatchError]; an amount out of range (see [ErrRange]) an error
// wrapping ErrRange.
func (a Amount) Sub(b Amount) (Amount, error) {
	if a.cur != b.cur {
		return Amount{}, &MismatchError{Op: "sub", Left: a.cur, Right: b.cur}
	}
	if err := cmp.Or(a.checkRange("sub"), b.checkRange("sub")); err != nil {
		return Amount{}, err
	}
	return Amount{val: a.val.Sub(b.val), cur: a.cur}, nil
}

// Mul returns a×f exactly, in the currency of a. A product whose decimal
// exponent is beyond ±1048576 gives an error wrapping [ErrRange].
func (a Amount) Mul(f decimal.Decimal) (Amount, error) {
	if e := int64(a.val.Exponent()) + int64(f.Exponent()); e < -maxAmountExp || e > maxAmountExp {
		return Amount{}, fmt.Errorf("finance: mul %s by %s: decimal exponent %d beyond ±%d: %w", shortDecimal(a.val), shortDecimal(f), e, maxAmountExp, ErrRange)
	}
	return Amount{val: a.val.Mul(f), cur: a.cur}, nil
}

// Equal reports whether a and b have the same currency and the same number:
// 1.5 USD equals 1.50 USD.
func (a Amount) Equal(b Amount) bool {
	return a.cur == b.cur && cmpDecimal(a.val, b.val) == 0
}

// Cmp compares a and b: -1 if a < b, 0 if a == b, +1 if a > b. Amounts of
// different currencies give 0 and a *[MismatchError].
//
// Cmp keeps the error result, as bojanz/currency's Amount.Cmp and
// Rhymond/go-money's Compare do, because no int can say "these cannot be
// compared": 100 USD and 1 RUB have no order without a rate, and a total
// order by currency code (as netip.Addr.Compare orders IPv4 before IPv6)
// would answer a question the caller did not ask. As with strconv.Atoi, the
// int is meaningless when the error is not nil, so always check the error;
// convert first with [Rates.Convert] to compare across currencies. For
// equality alone use [Amount.Equal], which has no error: amounts of
// different currencies are not equal.
func (a Amount) Cmp(b Amount) (int, error) {
	if a.cur != b.cur {
		return 0, &MismatchError{Op: "cmp", Left: a.cur, Right: b.cur}
	}
	return cmpDecimal(a.val, b.val), nil
}

// cmpDecimal compares x and y in time that grows with their digits but not
// with their exponents: decimal.Cmp scales one by 10^(the exponents'
// difference), a billion digits for 1e1000000000 against 1.
func cmpDecimal(x, y decimal.Decimal) int {
	sx, sy := x.Sign(), y.Sign()
	if sx != sy || sx == 0 {
		return cmp.Compare(sx, sy)
	}
	// |x| < 10^mx and |x| ≥ 10^(mx-1).
	mx := int64(x.NumDigits()) + int64(x.Exponent())
	my := int64(y.NumDigits()) + int64(y.Exponent())
	if mx != my {
		return sx * cmp.Compare(mx, my)
	}
	return x.Cmp(y) // the exponents differ by no more than the digits
}

// shortDecimal prints d for an error message: in full if short, else its
// first digits and its exponent.
func shortDecimal(d decimal.Decimal) string {
	if e := d.Exponent(); e >= -40 && e <= 40 && d.NumDigits() <= 40 {
		return d.String()
	}
	coef := d.Coefficient().String()
	if len(coef) > 20 {
		coef = coef[:20] + "…"
	}
	return coef + "e" + strconv.Itoa(int(d.Exponent()))
}

// Round returns a rounded half to even to its currency's minor units
// ([Currency.MinorUnits]): 2.345 USD gives 2.34 USD, 2.355 USD gives 2.36 USD.
func (a Amount) Round() Amount {
	return a.RoundTo(a.cur.MinorUnits(), HalfEven)
}

// RoundTo returns a rounded once to places decimal places with the given
// mode. A negative places rounds to tens, hundreds and so on. If a has no
// more than places decimal places it is returned unchanged (no zeros are
// appended; [Amount.String] still shows the currency's minor units). places
// is clamped to ±1048576.
func (a Amount) RoundTo(places int32, mode RoundingMode) Amount {
	if int64(places) >= -int64(a.val.Exponent()) {
		return a
	}
	places = max(min(places, maxAmountExp), -maxAmountExp)
	if int64(places) >= -int64(a.val.Exponent()) {
		return a // 1e2147483647 to -1048576 places: already a multiple
	}
	return Amount{val: roundDecimal(a.val, places, mode), cur: a.cur}
}

// scale returns the number of decimal places a carries, at least the
// currency's minor units: the precision at which a is printed and allocated.
func (a Amount) scale() int32 {
	p := a.cur.MinorUnits()
	if e := -a.val.Exponent(); e > p {
		p = e
	}
	return p
}

// Split divides a into n parts that differ by at most one unit of a's scale
// and add up exactly to a: 100.00 USD in 3 is 33.34, 33.33 and 33.33. It is
// [Amount.Allocate] with n equal weights, and the division that money
// allows: a quotient such as 100/3 has no exact decimal form, so there is no
// Div; to scale an amount by an exact factor use [Amount.Mul], and round
// once at the end with [Amount.Round] or [Amount.RoundTo].
//
// Split returns an error wrapping [ErrInvalidWeights] for n < 1 and one
// wrapping [ErrRange] for an amount out of range.
func (a Amount) Split(n int) ([]Amount, error) {
	if n < 1 {
		return nil, fmt.Errorf("finance: split %v into %d parts: need at least one: %w", a, n, ErrInvalidWeights)
	}
	if n > maxSplit {
		return nil, fmt.Errorf("finance: split %v into %d parts: more than %d: %w", a, n, maxSplit, ErrInvalidWeights)
	}
	w := make([]int64, n)
	for i := range w {
		w[i] = 1
	}
	return a.Allocate(w...)
}

// maxSplit bounds [Amount.Split] so that a typo cannot allocate gigabytes:
// a billion parts of 48 bytes each is already 48 GB.
const maxSplit = 1 << 24

// ErrInvalidWeights is wrapped by the error [Amount.Allocate] returns for
// missing, negative or all-zero weights, and by [Amount.Split]'s for fewer
// than one part.
var ErrInvalidWeights = errors.New("invalid allocation weights")

// Allocate splits a into len(weights) parts proportional to weights without
// losing or creating a single minor unit: the parts add up exactly to a.
//
// Each part is first rounded toward zero to the unit of a's scale (its
// currency's minor units, or more decimal places if a carries them); the
// units left over go one each to the parts with the largest remainders, ties
// to the first. So 100.00 USD in three equal parts is 33.34, 33.33 and
// 33.33. A zero weight gets a zero part. Negative amounts are split as their
// absolute value and negated.
//
// Allocate returns an error wrapping [ErrInvalidWeights] that names the bad
// weight when weights is empty, any weight is negative, or all are zero, and
// one wrapping [ErrRange] for an amount out of range.
func (a Amount) Allocate(weights ...int64) ([]Amount, error) {
	if len(weights) == 0 {
		return nil, fmt.Errorf("finance: allocate %v: no weights: %w", a, ErrInvalidWeights)
	}
	total := new(big.Int)
	for i, w := range weights {
		if w < 0 {
			return nil, fmt.Errorf("finance: allocate %v: weight %d (index %d) is negative: %w", a, w, i, ErrInvalidWeights)
		}
		total.Add(total, big.NewInt(w))
	}
	if total.Sign() == 0 {
		return nil, fmt.Errorf("finance: allocate %v: all %d weights are zero: %w", a, len(weights), ErrInvalidWeights)
	}
	if err := a.checkRange("allocate"); err != nil {
		return nil, err
	}
	p := a.scale()
	units := a.val.Abs().Shift(p).BigInt() // exact: p covers every digit of a
	n := len(weights)
	neg := a.val.Sign() < 0
	// Each part is units·w/total rounded down; the units left over, fewer
	// than the parts, go one each to the largest remainders, ties to the
	// first: a sort of the indices, O(n log n). With units and total within
	// 63 bits, machine integers do it (128-bit products), else math/big.
	if units.IsInt64() && total.IsInt64() {
		u, tot := uint64(units.Int64()), uint64(total.Int64())
		quo, rem := make([]uint64, n), make([]uint64, n)
		left := u
		for i, w := range weights {
			hi, lo := bits.Mul64(u, uint64(w))
			quo[i], rem[i] = bits.Div64(hi, lo, tot) // hi < tot: the quotient is at most u
			left -= quo[i]
		}
		for _, i := range largest(weights, int(left), func(i, j int) int { return cmp.Compare(rem[i], rem[j]) }) {
			quo[i]++
		}
		out := make([]Amount, n)
		for i, q := range quo {
			v := int64(q) // at most u, an int64
			if neg {
				v = -v
			}
			out[i] = Amount{val: decimal.New(v, -p), cur: a.cur}
		}
		return out, nil
	}
	quo, rem := make([]*big.Int, n), make([]*big.Int, n)
	left := new(big.Int).Set(units)
	for i, w := range weights {
		x := new(big.Int).Mul(units, big.NewInt(w))
		quo[i], rem[i] = new(big.Int).QuoRem(x, total, new(big.Int))
		left.Sub(left, quo[i])
	}
	for _, i := range largest(weights, int(left.Int64()), func(i, j int) int { return rem[i].Cmp(rem[j]) }) {
		quo[i].Add(quo[i], big.NewInt(1))
	}
	out := make([]Amount, n)
	for i, q := range quo {
		if neg {
			q.Neg(q)
		}
		out[i] = Amount{val: decimal.NewFromBigInt(q, -p), cur: a.cur}
	}
	return out, nil
}

// largest returns the indices of the k largest remainders among the
// non-zero weights, by cmpRem, ties to the lower index.
func largest(weights []int64, k int, cmpRem func(i, j int) int) []int {
	if k <= 0 {
		return nil
	}
	order := make([]int, 0, len(weights))
	for i, w := range weights {
		if w != 0 {
			order = append(order, i)
		}
	}
	slices.SortFunc(order, func(i, j int) int { return cmp.Or(cmpRem(j, i), cmp.Compare(i, j)) })
	return order[:k]
}

// String returns the canonical form "1200000000000.00 RUB": the number in
// plain decimal notation with at least the currency's minor units (more if a
// carries more decimal places, so nothing is lost), a space and the code.
// [ParseAmount] reads it back to an equal Amount (if the text fits its
// 4096-byte limit). The zero Amount, which has no currency, prints as "0"
// and does not parse.
func (a Amount) String() string {
	if a.checkRange("") != nil {
		// Out of range: "1e2147483647 USD", not two billion digits.
		s := a.val.Coefficient().String() + "e" + strconv.Itoa(int(a.val.Exponent()))
		if a.cur != 0 {
			s += " " + a.cur.Code()
		}
		return s
	}
	if a.cur == 0 {
		return a.val.String()
	}
	return a.val.StringFixed(a.scale()) + " " + a.cur.Code()
}

// Compact returns a as a headline writes it: the currency symbol
// ([Currency.Symbol]; the code and a space for currencies without one), then
// the number rounded half to even to at most three significant digits with
// trailing zeros dropped, scaled by the largest short-scale suffix that keeps
// it at least 1: "k" (thousand), "m" (million), "bn" (billion), "trn"
// (trillion). Examples: ₽1.2trn, £12bn, $15bn, €350m, $1.5k, $13.8bn, $999,
// CHF 2.5m, -$4.2m.
//
// From 1000 trillion (10¹⁵) up, counted after the rounding, so that
// 999.5trn already qualifies, there is no short-scale word a reader would
// know ("quadrillion" is not one), and the whole amount is written in
// scientific notation instead: the same three significant digits without
// trailing zeros, "e" and the power of ten, as in €1e15, ₽1.23e15,
// -$4.5e20, €1e38. Amounts under one millionth (10⁻⁶), counted after the
// rounding, are written the same way: $1.5e-7, €1e-2000000. Compact loses
// precision by design; use [Amount.String] to keep the exact value.
func (a Amount) Compact() string {
	var b strings.Builder
	if a.val.Sign() < 0 {
		b.WriteByte('-')
	}
	sym := a.cur.Symbol()
	b.WriteString(sym)
	if sym == a.cur.Code() && sym != "" {
		b.WriteByte(' ')
	}
	v := a.val.Abs()
	if v.IsZero() {
		b.WriteByte('0')
		return b.String()
	}
	// Round to three significant digits, once, half to even: m·10^e with
	// 1 ≤ m < 10. The rounding works on the coefficient alone, so a tiny
	// or huge exponent costs nothing (1e-2000000 once built a 2 MB string).
	nd := int64(v.NumDigits())
	e := nd - 1 + int64(v.Exponent())
	m := decimal.NewFromBigInt(v.Coefficient(), int32(1-nd)).RoundBank(2)
	if m.Cmp(decimal.New(10, 0)) >= 0 { // rounding carried: 9.995 → 10.0
		m, e = m.Shift(-1), e+1
	}
	if e >= 15 || e < -6 {
		// 1000trn and more, or under a millionth: scientific notation of
		// the whole amount.
		b.WriteString(trimZeros(m))
		b.WriteByte('e')
		b.WriteString(strconv.FormatInt(e, 10))
		return b.String()
	}
	v = m.Shift(int32(e))
	suffixes := []struct {
		exp  int32
		name string
	}{{12, "trn"}, {9, "bn"}, {6, "m"}, {3, "k"}}
	for _, s := range suffixes {
		if v.Cmp(decimal.New(1, s.exp)) >= 0 {
			b.WriteString(trimZeros(v.Shift(-s.exp)))
			b.WriteString(s.name)
			return b.String()
		}
	}
	b.WriteString(trimZeros(v))
	return b.String()
}

// trimZeros prints d in plain notation without trailing fractional zeros.
func trimZeros(d decimal.Decimal) string {
	s := d.StringFixed(max(0, -d.Exponent()))
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// Format implements [fmt.Formatter]. The verbs %v and %s print
// [Amount.String]; %q prints it quoted; %f prints the number rounded half
// to even to the precision given (%.0f, %.2f; the default is the canonical
// precision of String) followed by a space and the code. Width and the '-'
// flag pad the whole text. Other verbs print "%!x(finance.Amount=…)".
func (a Amount) Format(f fmt.State, verb rune) {
	var s string
	switch verb {
	case 'v', 's':
		s = a.String()
	case 'q':
		s = `"` + a.String() + `"`
	case 'f', 'F':
		p, ok := f.Precision()
		if !ok || a.val.Exponent() > maxAmountExp { // no two billion digits
			s = a.String()
			break
		}
		s = roundDecimal(a.val, int32(p), HalfEven).StringFixed(int32(p))
		if a.cur != 0 {
			s += " " + a.cur.Code()
		}
	default:
		fmt.Fprintf(f, "%%!%c(finance.Amount=%s)", verb, a.String())
		return
	}
	if w, ok := f.Width(); ok && len([]rune(s)) < w {
		pad := strings.Repeat(" ", w-len([]rune(s)))
		if f.Flag('-') {
			s += pad
		} else {
			s = pad + s
		}
	}
	_, _ = f.Write([]byte(s))
}
