package finance

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/exodus-lab/exodus"
)

// ParseECB reads the European Central Bank's euro foreign exchange reference
// rates as published at https://www.ecb.europa.eu/stats/eurofxref/:
// eurofxref-daily.xml (one day), eurofxref-hist-90d.xml and
// eurofxref-hist.xml (every day since 1999). Each rate has Base EUR, Quote
// the listed currency and Value the units of it per euro, exactly as
// published; it applies from its date. Each rate is [Official], and its
// Source names the ECB and the publication.
//
// A file is a gesmes:Envelope whose Cube holds one Cube per day (time,
// YYYY-MM-DD), each with one Cube per currency (currency, an ISO 4217 code;
// rate, units per euro, with a decimal point); other elements, such as the
// sender, are ignored. Shortened, eurofxref-hist.xml reads:
//
//	<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
//		<gesmes:subject>Reference rates</gesmes:subject>
//		<Cube>
//			<Cube time="2022-03-01">
//				<Cube currency="USD" rate="1.1162"/>
//				<Cube currency="RUB" rate="117.201"/>
//			</Cube>
//		</Cube>
//	</gesmes:Envelope>
//
// giving EUR/USD 1.1162 and EUR/RUB 117.201 from 2022-03-01.
//
// The ECB published no RUB reference rate after 1 March 2022 (last: 117.201
// RUB per EUR); roubles at later dates need another source, such as
// [ParseCBR].
//
// ParseECB reads at most 64 MiB. A nil r, a malformed, truncated or empty file, a
// date that is not YYYY-MM-DD, a day with no rates, an unknown currency, a
// rate that is not a positive number with digits on both sides of its
// point ("1." and ".5" are refused) or has more than 20 significant digits,
// an attribute given twice, or a currency listed twice for one day gives
// an error wrapping [ErrFormat] that names the value.
func ParseECB(r io.Reader) ([]Rate, error) {
	root, err := readRateFile("ECB file", r)
	if err != nil {
		return nil, err
	}
	return parseECBTree(root)
}

// parseECBTree reads the rates of an ECB file already read into a tree.
func parseECBTree(root *xmlElem) ([]Rate, error) {
	bad := func(format string, args ...any) error {
		return fmt.Errorf("finance: parse ECB file: "+format+": %w", append(args, ErrFormat)...)
	}
	if root.name != "Envelope" {
		return nil, bad("root element <%s>, want <Envelope>", root.name)
	}
	var days []*xmlElem
	for _, outer := range root.kids {
		if outer.name != "Cube" {
			continue
		}
		for _, d := range outer.kids {
			if d.name == "Cube" {
				days = append(days, d)
			}
		}
	}
	if len(days) == 0 {
		return nil, bad("no dated Cube elements")
	}
	var out []Rate
	seenDay := make(map[time.Time]bool, len(days))
	for _, d := range days {
		dayText := d.attr("time")
		on, err := time.Parse(time.DateOnly, strings.TrimSpace(dayText))
		if err != nil {
			return nil, bad("date %.40q is not YYYY-MM-DD", dayText)
		}
		if seenDay[on] {
			return nil, bad("date %s listed twice", dayText)
		}
		seenDay[on] = true
		src := exodus.Source{
			Publisher: "European Central Bank",
			Title:     "Euro foreign exchange reference rates, " + on.Format(time.DateOnly),
			URL:       "https://www.ecb.europa.eu/stats/eurofxref/",
			Date:      on.Format(time.DateOnly),
		}
		seen := make(map[Currency]bool, len(d.kids))
		for _, q := range d.kids {
			if q.name != "Cube" {
				continue
			}
			code, rate := q.attr("currency"), q.attr("rate")
			cur, err := ParseCurrency(code)
			if err != nil || cur == EUR {
				return nil, bad("%s: currency %.40q is not a non-euro ISO 4217 code", dayText, code)
			}
			if seen[cur] {
				return nil, bad("%s: %v listed twice", dayText, cur)
			}
			seen[cur] = true
			v, err := parseFileNumber(rate, ".")
			if err != nil {
				return nil, bad("%s: %v rate %v", dayText, cur, err)
			}
			r, err := newRate(EUR, cur, v, on, Official, src)
			if err != nil {
				return nil, bad("%v", err)
			}
			out = append(out, r)
		}
		if len(seen) == 0 {
			return nil, bad("%s: no rates for the day", dayText)
		}
	}
	if len(out) == 0 {
		return nil, bad("no rates")
	}
	return out, nil
}
