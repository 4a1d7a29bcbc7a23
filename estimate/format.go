package estimate

import (
	"math"
	"strconv"
	"strings"
)

func fmtG(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// String prints the median and the central 90% interval with as many
// significant digits as the spread justifies (two, or more when the
// interval is narrow beside the median), using the suffixes k (thousand),
// M (million), bn (billion) and tn (trillion):
//
//	780k (90%: 610k–1.0M)
//
// A point prints as its value alone (to at most 6 significant digits), and the zero Estimate as
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

// formatSummary prints "median (90%: lo–hi)".
func formatSummary(med, lo, hi float64) string {
	sig := sigDigits(med, lo, hi)
	var b strings.Builder
	b.WriteString(formatSig(med, sig))
	b.WriteString(" (90%: ")
	b.WriteString(formatSig(lo, sig))
	b.WriteString("–")
	b.WriteString(formatSig(hi, sig))
	b.WriteString(")")
	return b.String()
}

// sigDigits returns the number of significant digits that shows the
// interval: 2, plus one for each factor of ten by which the largest
// magnitude exceeds the interval's width, at most 6.
func sigDigits(med, lo, hi float64) int {
	w := hi - lo
	m := math.Max(math.Abs(med), math.Max(math.Abs(lo), math.Abs(hi)))
	if !(w > 0) || isBad(w) || isBad(m) || m == 0 {
		return 2
	}
	extra := int(math.Floor(math.Log10(m / w)))
	return min(6, 2+max(0, extra))
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

// formatSig formats v to sig significant digits with a k, M, bn or tn
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
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'e', sig-1, 64), 64)
	if err != nil {
		return fmtG(v)
	}
	a := math.Abs(r)
	if a < 1e-4 || a >= 1e15 {
		return strconv.FormatFloat(r, 'e', sig-1, 64)
	}
	suffix, scale := "", 1.0
	switch {
	case a >= 1e12:
		suffix, scale = "tn", 1e12
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
