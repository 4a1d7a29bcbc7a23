package main

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Numbers in the text report follow the estimate package's String: two
// significant digits with a k, M or bn suffix, trailing zeros kept
// ("1.0M", "9.0k"). Below 100 people, intervals are rounded outward to
// whole people ("0–1" rather than "0.12–0.94"), so they hold the unrounded
// interval.

// roundSig rounds v to sig significant digits, through its decimal text so
// that 999,950 to two digits is exactly 1,000,000.
func roundSig(v float64, sig int) float64 {
	r, err := strconv.ParseFloat(strconv.FormatFloat(v, 'e', sig-1, 64), 64)
	if err != nil {
		return v
	}
	return r
}

// scaled splits v into a number below 1000 and its suffix.
func scaled(v float64) (float64, string) {
	switch a := math.Abs(v); {
	case a >= 1e9:
		return v / 1e9, "bn"
	case a >= 1e6:
		return v / 1e6, "M"
	case a >= 1e3:
		return v / 1e3, "k"
	}
	return v, ""
}

// humanSig writes v to sig significant digits, trailing zeros kept, with a
// k, M or bn suffix: 0, 820, 25k, 1.0M, 13.4M (sig 3).
func humanSig(v float64, sig int) string {
	if v == 0 || math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'g', -1, 64)
	}
	s, suffix := scaled(roundSig(v, sig)) // round first: 999,999 is 1.0M, not 1000k
	exp := int(math.Floor(math.Log10(math.Abs(s))))
	return strconv.FormatFloat(s, 'f', max(0, sig-1-exp), 64) + suffix
}

// humanCount writes a count to three significant digits: 4.49M, 55.6k.
func humanCount(v float64) string { return humanSig(v, 3) }

// tickLabel writes an axis value without trailing zeros: 0, 300k, 1.2M.
func tickLabel(v float64) string {
	s, suffix := scaled(roundSig(v, 3))
	return strconv.FormatFloat(s, 'f', -1, 64) + suffix
}

// outward rounds v away from the inside of an interval below 100 people,
// to whole people: down for its low end (dir < 0), up for its high end.
// From 100 on it rounds to two significant digits, as estimate does.
func outward(v float64, dir int) string {
	if math.Abs(v) >= 100 {
		return humanSig(v, 2)
	}
	round := math.Ceil
	if dir < 0 {
		round = math.Floor
	}
	return strconv.FormatFloat(round(v)+0, 'f', 0, 64) // +0: never "-0"
}

// rangeText writes an interval of simulated counts of people: "450k–1.7M",
// "0–1". A degenerate interval (fixed inputs) is
// the whole number it rounds to.
func rangeText(lo, hi float64) string {
	if lo == hi {
		return commas(int64(math.Round(lo)))
	}
	return outward(lo, -1) + "–" + outward(hi, +1)
}

// summaryText writes "1.1M (90%: 940k–1.3M)" for a median and its interval.
func summaryText(med, lo, hi float64) string {
	return fmt.Sprintf("%s (90%%: %s)", humanSig(med, 2), rangeText(lo, hi))
}

// commas writes n with thousands separators: 1,234,567.
func commas(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// percent writes a fraction as a percentage to one decimal: 17.6%.
func percent(v float64) string { return fmt.Sprintf("%.1f%%", 100*v) }

// shareText writes a share with its interval, in percent: 17.6% (9.1–37.9%).
func shareText(v, lo, hi float64) string {
	if math.IsNaN(v) {
		return "–"
	}
	return fmt.Sprintf("%.1f%% (%.1f–%.1f%%)", 100*v, 100*lo, 100*hi)
}

// shortTitle is a sector's title cut to at most 35 characters for tables
// and charts, in words rather than with an ellipsis; the full ISIC title is
// in the CSV and JSON.
func shortTitle(code, title string) string {
	switch code {
	case "D":
		return "Electricity, gas and steam supply"
	case "E":
		return "Water supply, sewerage and waste"
	case "G":
		return "Wholesale and retail trade"
	case "I":
		return "Accommodation and food services"
	case "M":
		return "Professional, scientific, technical"
	case "N":
		return "Administrative and support services"
	case "O":
		return "Public administration and defence"
	case "Q":
		return "Human health and social work"
	case "T":
		return "Households as employers"
	case "U":
		return "Extraterritorial organisations"
	}
	return truncate(title, 35)
}

// people2 writes a count of people for reading: whole people below 1,000,
// two significant digits from there (3, 970, 1.4k, 55k).
func people2(n int64) string {
	if n < 1000 && n > -1000 {
		return commas(n)
	}
	return humanSig(float64(n), 2)
}
