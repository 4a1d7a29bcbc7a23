package estimate

import (
	"math"
	"strconv"
	"strings"
)

func fmtG(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// String prints the median and the central 90% interval with as many
// significant digits as the spread justifies (two, or more when rounding
// to two would move a figure by over 5% of the interval's width), using the suffixes k (thousand),
// M (million), bn (billion) and trn (trillion), as finance's Amount.Compact
// writes them ("₽1.2trn"):
//
//	780k (90%: 610k–1.0M)
//
// When a bound is negative the bounds are joined by "to", so that a minus
// sign never follows the dash: "-2.0M (90%: -3.0M to -1.0M)". A point prints as its value alone (to at most 6 significant digits), and the zero Estimate as
// "invalid estimate". A name given with [Estimate.Named] is not printed.
func (e Estimate) String() string {
	if e.d == nil {
		return "invalid estimate"
	}
	if e.IsPoint() {
		return formatSig(e.d.p[0], shortestDigits(e.d.p[0]))
	}
	lo, hi := e.Interval(0.9)
	return formatSummary(e.Median(), lo, hi)
}

// formatSummary prints "median (90%: lo–hi)", or "lo to hi" when a bound
// is negative, so that a minus sign never follows the dash.
func formatSummary(med, lo, hi float64) string {
	sig := sigDigits(med, lo, hi)
	var b strings.Builder
	b.WriteString(formatSig(med, sig))
	b.WriteString(" (90%: ")
	b.WriteString(formatSig(lo, sig))
	if lo < 0 || hi < 0 {
		b.WriteString(" to ")
	} else {
		b.WriteString("–")
	}
	b.WriteString(formatSig(hi, sig))
	b.WriteString(")")
	return b.String()
}

// sigDigits returns the number of significant digits for printing med, lo
// and hi: the fewest, from 2 to 6, at which rounding moves none of them by
// more than 5% of the interval's width. So 600k–1M prints as 600k–1.0M but
// 105–195 as 105–195, not 100–200.
func sigDigits(med, lo, hi float64) int {
	w := hi - lo
	if !(w > 0) || isBad(w) {
		return 2
	}
	for sig := 2; sig < 6; sig++ {
		ok := true
		for _, x := range [...]float64{med, lo, hi} {
			if math.Abs(roundSig(x, sig)-x) > 0.05*w {
				ok = false
				break
			}
		}
		if ok {
			return sig
		}
	}
	return 6
}

// roundSig rounds x to sig significant digits.
func roundSig(x float64, sig int) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(x, 'e', sig-1, 64), 64)
	if err != nil {
		return x
	}
	return r
}

// shortestDigits returns the number of significant digits in the shortest
// decimal that reads back as v, at most 6.
func shortestDigits(v float64) int {
	m := strconv.FormatFloat(math.Abs(v), 'e', -1, 64)
	if i := strings.IndexByte(m, 'e'); i >= 0 {
		m = m[:i]
	}
	return min(6, max(1, len(strings.Replace(m, ".", "", 1))))
}

// formatSig formats v to sig significant digits with a k, M, bn or trn
// suffix for magnitudes from a thousand to below a quadrillion, and in
// exponent form for magnitudes below 1e-4 or from 1e15.
func formatSig(v float64, sig int) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "∞"
	case math.IsInf(v, -1):
		return "-∞"
	case v == 0:
		return "0"
	}
	// Round first, so that 999,999 becomes 1.0M rather than 1000k.
	r := roundSig(v, sig)
	a := math.Abs(r)
	if a < 1e-4 || a >= 1e15 {
		return strconv.FormatFloat(r, 'e', sig-1, 64)
	}
	suffix, scale := "", 1.0
	switch {
	case a >= 1e12:
		suffix, scale = "trn", 1e12
	case a >= 1e9:
		suffix, scale = "bn", 1e9
	case a >= 1e6:
		suffix, scale = "M", 1e6
	case a >= 1e3:
		suffix, scale = "k", 1e3
	}
	s := r / scale
	exp := int(math.Floor(math.Log10(math.Abs(s))))
	dec := max(0, sig-1-exp)
	return strconv.FormatFloat(s, 'f', dec, 64) + suffix
}
