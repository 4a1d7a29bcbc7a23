package finance

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"
)

// ErrFormat is wrapped by the errors of [ParseRates], [ParseCBR] and
// [ParseECB] for files that are malformed, truncated, too large or hold
// values that cannot be used. The error names the bad element or value.
var ErrFormat = errors.New("malformed rate file")

// maxFileSize bounds the input of the file parsers, in bytes. The ECB's full
// history (eurofxref-hist.xml) is about 7 MB; a CBR daily file about 8 kB.
const maxFileSize = 64 << 20

// readBounded reads all of r, failing if it holds more than maxFileSize bytes.
// A nil r is an error wrapping ErrFormat.
func readBounded(what string, r io.Reader) ([]byte, error) {
	if r == nil {
		return nil, fmt.Errorf("finance: read %s: nil io.Reader: %w", what, ErrFormat)
	}
	data, err := io.ReadAll(io.LimitReader(r, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("finance: read %s: %w", what, err)
	}
	if len(data) > maxFileSize {
		return nil, fmt.Errorf("finance: read %s: larger than %d bytes: %w", what, maxFileSize, ErrFormat)
	}
	return data, nil
}

// readRateFile reads a rate file of at most maxFileSize bytes into a tree.
func readRateFile(what string, r io.Reader) (*xmlElem, error) {
	data, err := readBounded(what, r)
	if err != nil {
		return nil, err
	}
	return readXMLTree(what, data)
}

// ParseRates reads an official rate file of either kind that this package
// knows, telling them apart by the file's root element rather than by its
// name or by searching its text: a Central Bank of Russia XML_daily or
// XML_dynamic response (root <ValCurs>) is read as by [ParseCBR], an ECB
// eurofxref file (root <Envelope>) as by [ParseECB]. The rates, their
// sources and the errors are those of the parser chosen.
//
// ParseRates reads at most 64 MiB. A nil r, a file whose root is neither,
// and any file the chosen parser rejects give an error wrapping [ErrFormat]; an
// error reading r is wrapped, so errors.Is finds it.
func ParseRates(r io.Reader) ([]Rate, error) {
	root, err := readRateFile("rate file", r)
	if err != nil {
		return nil, err
	}
	switch root.name {
	case "ValCurs":
		return parseCBRTree(root)
	case "Envelope":
		return parseECBTree(root)
	}
	return nil, fmt.Errorf("finance: parse rate file: root element <%s> is neither a CBR <ValCurs> nor an ECB <Envelope>: %w", root.name, ErrFormat)
}

// maxFileDigits bounds the significant digits of a number in a rate file,
// counted from the first non-zero digit to the last digit written. Official
// rates have at most about ten (CBR VunitRate: 0,0109568; ECB: 25345.67); a
// bound keeps a crafted value of a million digits from costing quadratic
// time in the decimal arithmetic that follows.
const maxFileDigits = 20

// maxFileNumberLen bounds the length of a number in a rate file, leading
// zeros included.
const maxFileNumberLen = 64

// parseFileNumber reads a positive number of a rate file: digits with at
// most one decimal separator from seps, which has digits on both sides,
// at most maxFileDigits significant digits and maxFileNumberLen characters,
// surrounding white space allowed. The error quotes the start of s.
func parseFileNumber(s, seps string) (decimal.Decimal, error) {
	t := strings.TrimSpace(s)
	if len(t) > maxFileNumberLen {
		return decimal.Decimal{}, fmt.Errorf("%.24q… has %d characters, more than %d significant digits", s, len(t), maxFileDigits)
	}
	point, sig := -1, 0
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c >= '0' && c <= '9':
			if sig > 0 || c != '0' {
				sig++
			}
		case strings.IndexByte(seps, c) >= 0 && point < 0:
			point = i
		default:
			return decimal.Decimal{}, fmt.Errorf("%.40q is not a number", s)
		}
	}
	switch {
	case t == "" || point == 0 || point == len(t)-1:
		return decimal.Decimal{}, fmt.Errorf("%.40q is not a number", s)
	case sig > maxFileDigits:
		return decimal.Decimal{}, fmt.Errorf("%.40q has %d significant digits, more than %d", s, sig, maxFileDigits)
	}
	if point > 0 {
		t = t[:point] + "." + t[point+1:]
	}
	d, err := decimal.NewFromString(t)
	if err != nil || d.Sign() <= 0 {
		return decimal.Decimal{}, fmt.Errorf("%.40q is not a positive number", s)
	}
	return d, nil
}
