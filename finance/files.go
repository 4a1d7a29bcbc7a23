package finance

import (
	"errors"
	"fmt"
	"io"
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
