package finance

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/exodus-lab/exodus"
	"github.com/shopspring/decimal"
	"golang.org/x/text/encoding/charmap"
)

// ErrFormat is wrapped by the errors of [ParseCBR] and [ParseECB] for files
// that are malformed, truncated, too large or hold values that cannot be
// used. The error names the bad element or value.
var ErrFormat = errors.New("malformed rate file")

// maxFileSize bounds the input of the file parsers, in bytes. The ECB's full
// history (eurofxref-hist.xml) is about 7 MB; a CBR daily file about 8 kB.
const maxFileSize = 64 << 20

// readBounded reads all of r, failing if it holds more than maxFileSize bytes.
func readBounded(what string, r io.Reader) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("finance: read %s: %w", what, err)
	}
	if len(data) > maxFileSize {
		return nil, fmt.Errorf("finance: read %s: larger than %d bytes: %w", what, maxFileSize, ErrFormat)
	}
	return data, nil
}

// newXMLDecoder returns a strict decoder that understands windows-1251,
// the encoding the Central Bank of Russia serves, besides UTF-8.
func newXMLDecoder(data []byte) *xml.Decoder {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.CharsetReader = func(label string, input io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "windows-1251", "cp1251", "x-cp1251":
			return charmap.Windows1251.NewDecoder().Reader(input), nil
		case "utf-8", "utf8":
			return input, nil
		}
		return nil, fmt.Errorf("unsupported encoding %q", label)
	}
	return dec
}

// decodeXML decodes the single root element of data into v and rejects
// anything but white space and comments after it.
func decodeXML(what string, data []byte, v any) error {
	dec := newXMLDecoder(data)
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("finance: parse %s: %v: %w", what, err, ErrFormat)
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("finance: parse %s: after the root element: %v: %w", what, err, ErrFormat)
		}
		switch tok := tok.(type) {
		case xml.CharData:
			if len(bytes.TrimSpace(tok)) == 0 {
				continue
			}
		case xml.Comment, xml.ProcInst:
			continue
		}
		return fmt.Errorf("finance: parse %s: content after the root element: %w", what, ErrFormat)
	}
}

type cbrFile struct {
	XMLName    xml.Name    `xml:"ValCurs"`
	Date       string      `xml:"Date,attr"`
	ID         string      `xml:"ID,attr"`
	DateRange1 string      `xml:"DateRange1,attr"`
	DateRange2 string      `xml:"DateRange2,attr"`
	Valutes    []cbrValute `xml:"Valute"`
	Records    []cbrRecord `xml:"Record"`
}

type cbrValute struct {
	ID        string  `xml:"ID,attr"`
	CharCode  string  `xml:"CharCode"`
	Nominal   string  `xml:"Nominal"`
	Value     string  `xml:"Value"`
	VunitRate *string `xml:"VunitRate"`
}

type cbrRecord struct {
	Date      string  `xml:"Date,attr"`
	ID        string  `xml:"Id,attr"`
	Nominal   string  `xml:"Nominal"`
	Value     string  `xml:"Value"`
	VunitRate *string `xml:"VunitRate"`
}

const cbrPublisher = "Central Bank of Russia"

// ParseCBR reads an official exchange-rate response of the Central Bank of
// Russia exactly as the server sends it, in windows-1251 (UTF-8 is accepted
// too) with comma decimals:
//
//   - XML_daily.asp?date_req=DD/MM/YYYY: every currency on one date;
//   - XML_dynamic.asp?date_req1=…&date_req2=…&VAL_NM_RQ=ID: one currency
//     over a range of dates, named only by its CBR ID (such as R01235).
//
// Each rate has Base the foreign currency, Quote RUB and Value the roubles
// per one unit: the file's Value divided by its Nominal (1, 10, 100, 1000
// or 10000), exactly. Where the file also gives VunitRate (from 2024) it must
// agree. A rate dated D was set on the previous working day and applies from
// D. Each rate's Source names the CBR and the request URL that returns the
// file.
//
// XML_dynamic IDs are mapped to ISO codes with the ID/CharCode pairs of the
// CBR daily files embedded in this package, which cover the 43 currencies the
// CBR quoted on 09.11.2024 and the ones it quoted in 2022; other IDs are an
// error.
//
// ParseCBR reads at most 64 MiB. A malformed, truncated or empty file, an
// unknown currency, a Nominal or Value that is not a positive number, or a
// currency listed twice for one date gives an error wrapping [ErrFormat]
// that names the element.
func ParseCBR(r io.Reader) ([]Rate, error) {
	data, err := readBounded("CBR file", r)
	if err != nil {
		return nil, err
	}
	var f cbrFile
	if err := decodeXML("CBR file", data, &f); err != nil {
		return nil, err
	}
	switch {
	case len(f.Valutes) > 0 && len(f.Records) > 0:
		return nil, fmt.Errorf("finance: parse CBR file: both Valute and Record elements: %w", ErrFormat)
	case len(f.Valutes) > 0:
		return parseCBRDaily(&f)
	case len(f.Records) > 0:
		return parseCBRDynamic(&f)
	}
	return nil, fmt.Errorf("finance: parse CBR file: no Valute or Record elements: %w", ErrFormat)
}

func cbrBad(format string, args ...any) error {
	return fmt.Errorf("finance: parse CBR file: "+format+": %w", append(args, ErrFormat)...)
}

func parseCBRDate(s string) (time.Time, error) {
	t, err := time.Parse("02.01.2006", strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, cbrBad("date %q is not DD.MM.YYYY", s)
	}
	return t, nil
}

// parseCBRValue parses a CBR value: digits with a comma (or point) decimal
// separator, positive.
func parseCBRValue(what, s string) (decimal.Decimal, error) {
	t := strings.TrimSpace(s)
	if t == "" || strings.Count(t, ",")+strings.Count(t, ".") > 1 ||
		strings.IndexFunc(t, func(r rune) bool { return (r < '0' || r > '9') && r != ',' && r != '.' }) >= 0 {
		return decimal.Decimal{}, cbrBad("%s %q is not a number", what, s)
	}
	t = strings.Replace(t, ",", ".", 1)
	if strings.HasPrefix(t, ".") || strings.HasSuffix(t, ".") {
		return decimal.Decimal{}, cbrBad("%s %q is not a number", what, s)
	}
	d, err := decimal.NewFromString(t)
	if err != nil || d.Sign() <= 0 {
		return decimal.Decimal{}, cbrBad("%s %q is not a positive number", what, s)
	}
	return d, nil
}

// cbrRate builds one rate from a Nominal, Value and optional VunitRate.
func cbrRate(cur Currency, on time.Time, nominal, value string, vunit *string, src exodus.Source) (Rate, error) {
	n, err := strconv.ParseInt(strings.TrimSpace(nominal), 10, 64)
	if err != nil || n <= 0 {
		return Rate{}, cbrBad("%v on %s: Nominal %q is not a positive integer", cur, dayString(on), nominal)
	}
	v, err := parseCBRValue(cur.Code()+" Value", value)
	if err != nil {
		return Rate{}, err
	}
	nom := decimal.NewFromInt(n)
	num, den := v, nom
	if s := strconv.FormatInt(n, 10); strings.Trim(s[1:], "0") == "" && s[0] == '1' {
		num, den = v.Shift(-int32(len(s)-1)), one // Nominal is a power of ten: divide exactly
	}
	if vunit != nil {
		u, err := parseCBRValue(cur.Code()+" VunitRate", *vunit)
		if err != nil {
			return Rate{}, err
		}
		if !u.Mul(den).Equal(num) {
			return Rate{}, cbrBad("%v on %s: VunitRate %s disagrees with Value %s / Nominal %d", cur, dayString(on), *vunit, value, n)
		}
	}
	r, err := newRate(cur, RUB, num, den, on, src)
	if err != nil {
		return Rate{}, cbrBad("%v", err)
	}
	return r, nil
}

func parseCBRDaily(f *cbrFile) ([]Rate, error) {
	on, err := parseCBRDate(f.Date)
	if err != nil {
		return nil, err
	}
	src := exodus.Source{
		Publisher: cbrPublisher,
		Title:     "Official exchange rates of foreign currencies against the rouble (XML_daily) on " + on.Format("02.01.2006"),
		URL:       "https://www.cbr.ru/scripts/XML_daily.asp?date_req=" + on.Format("02/01/2006"),
		Date:      on.Format(time.DateOnly),
		Note:      "rate in force from this date; set on the previous working day",
	}
	out := make([]Rate, 0, len(f.Valutes))
	seen := make(map[Currency]bool, len(f.Valutes))
	for _, v := range f.Valutes {
		cur, err := ParseCurrency(v.CharCode)
		if err != nil || cur == RUB {
			return nil, cbrBad("Valute %s: CharCode %q is not a foreign ISO 4217 currency", v.ID, v.CharCode)
		}
		if seen[cur] {
			return nil, cbrBad("%v listed twice", cur)
		}
		seen[cur] = true
		r, err := cbrRate(cur, on, v.Nominal, v.Value, v.VunitRate, src)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

func parseCBRDynamic(f *cbrFile) ([]Rate, error) {
	id := strings.TrimSpace(f.ID)
	cur, ok := cbrIDs()[id]
	if !ok {
		return nil, cbrBad("unknown CBR currency ID %q", f.ID)
	}
	d1, d2 := strings.TrimSpace(f.DateRange1), strings.TrimSpace(f.DateRange2)
	src := exodus.Source{
		Publisher: cbrPublisher,
		Title:     fmt.Sprintf("Dynamics of the official %s rate (XML_dynamic, %s), %s-%s", cur.Code(), id, d1, d2),
		URL: fmt.Sprintf("https://www.cbr.ru/scripts/XML_dynamic.asp?date_req1=%s&date_req2=%s&VAL_NM_RQ=%s",
			strings.ReplaceAll(d1, ".", "/"), strings.ReplaceAll(d2, ".", "/"), id),
		Note: "each rate in force from its date; set on the previous working day",
	}
	out := make([]Rate, 0, len(f.Records))
	seen := make(map[time.Time]bool, len(f.Records))
	for _, rec := range f.Records {
		if rid := strings.TrimSpace(rec.ID); rid != "" && rid != id {
			return nil, cbrBad("Record Id %q in a file for %q", rec.ID, f.ID)
		}
		on, err := parseCBRDate(rec.Date)
		if err != nil {
			return nil, err
		}
		if seen[on] {
			return nil, cbrBad("two records for %s", dayString(on))
		}
		seen[on] = true
		r, err := cbrRate(cur, on, rec.Nominal, rec.Value, rec.VunitRate, src)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// cbrIDs maps CBR currency IDs to ISO codes, from the embedded daily files.
var cbrIDs = sync.OnceValue(func() map[string]Currency {
	m := make(map[string]Currency)
	for _, g := range manifest().Groups {
		if g.File == "" {
			continue
		}
		var f cbrFile
		if err := decodeXML(g.File, mustReadData(g.File), &f); err != nil {
			panic("finance: embedded " + g.File + ": " + err.Error()) // tested; cannot happen
		}
		for _, v := range f.Valutes {
			if c, err := ParseCurrency(v.CharCode); err == nil {
				m[v.ID] = c
			}
		}
	}
	return m
})
