package finance

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/exodus-lab/exodus"
	"github.com/shopspring/decimal"
)

// cbrEntry is one rate of a CBR file: a Valute of XML_daily or a Record of
// XML_dynamic.
type cbrEntry struct {
	label          string // for errors: the Valute ID or Record date
	code           string // CharCode (daily only)
	nominal, value string
	vunitRate      string
	hasVunit       bool
}

// cbrEntryOf reads the child elements of a Valute or Record; each may
// appear at most once.
func cbrEntryOf(e *xmlElem, label string) (cbrEntry, error) {
	en := cbrEntry{label: label}
	var err error
	var ok bool
	if en.code, _, err = e.childText("CharCode"); err != nil {
		return en, cbrBad("%s: %v", label, err)
	}
	if en.nominal, ok, err = e.childText("Nominal"); err != nil || !ok {
		return en, cbrBad("%s: no single Nominal", label)
	}
	if en.value, ok, err = e.childText("Value"); err != nil || !ok {
		return en, cbrBad("%s: no single Value", label)
	}
	if en.vunitRate, en.hasVunit, err = e.childText("VunitRate"); err != nil {
		return en, cbrBad("%s: %v", label, err)
	}
	return en, nil
}

const cbrPublisher = "Central Bank of Russia"

// ParseCBR reads an official exchange-rate response of the Central Bank of
// Russia exactly as the server sends it, in windows-1251 (UTF-8 is accepted
// too) with comma decimals:
//
//   - XML_daily.asp?date_req=DD/MM/YYYY: every currency on one date;
//   - XML_dynamic.asp?date_req1=…&date_req2=…&VAL_NM_RQ=ID: one currency
//     over a range of dates, named only by its CBR ID (such as R01235), with
//     the range in DateRange1 and DateRange2 and every Record inside it.
//
// Each rate has Base the foreign currency, Quote RUB and Value the roubles
// per one unit: the file's Value divided by its Nominal, exactly. The CBR
// quotes per 1, 10, 100, 1000 or 10000 units (AMD per 100, VND per 10000),
// so Nominal must be a power of ten (1 to 10^18), which keeps the division
// exact; any other Nominal is an error naming it. Where the file also gives
// VunitRate (from 2024) it must agree. A rate dated D was set on the previous working day and applies from
// D. Each rate is [Official] (the parser cannot know whether the bytes are
// the CBR's own; mark a copy [Reported] with [NewRate] if it is not), and its
// Source names the CBR and the request URL that returns the file.
//
// XML_dynamic IDs are mapped to ISO codes with the ID/CharCode pairs of the
// CBR daily files embedded in this package, which cover the 43 currencies the
// CBR quoted on 09.11.2024 and the ones it quoted in 2022; other IDs are an
// error.
//
// ParseCBR reads at most 64 MiB. A nil r, a malformed, truncated or empty file, an
// unknown currency, a Nominal that is not a power of ten, a Value that is
// not a positive number or has more than 20 significant digits (the CBR
// publishes at most about ten), an element inside Value, Nominal or
// CharCode, a Record whose CharCode disagrees with the file's ID, an
// attribute given twice (Date and x:Date count as the same), or a
// currency listed twice for one date gives an error wrapping [ErrFormat]
// that names the element.
func ParseCBR(r io.Reader) ([]Rate, error) {
	root, err := readRateFile("CBR file", r)
	if err != nil {
		return nil, err
	}
	return parseCBRTree(root)
}

// parseCBRTree reads the rates of a CBR file already read into a tree.
func parseCBRTree(root *xmlElem) ([]Rate, error) {
	if root.name != "ValCurs" {
		return nil, cbrBad("root element <%s>, want <ValCurs>", root.name)
	}
	var valutes, records []*xmlElem
	for _, k := range root.kids {
		switch k.name {
		case "Valute":
			valutes = append(valutes, k)
		case "Record":
			records = append(records, k)
		}
	}
	switch {
	case len(valutes) > 0 && len(records) > 0:
		return nil, cbrBad("both Valute and Record elements")
	case len(valutes) > 0:
		return parseCBRDaily(root, valutes)
	case len(records) > 0:
		return parseCBRDynamic(root, records)
	}
	return nil, cbrBad("no Valute or Record elements")
}

func cbrBad(format string, args ...any) error {
	return fmt.Errorf("finance: parse CBR file: "+format+": %w", append(args, ErrFormat)...)
}

func parseCBRDate(s string) (time.Time, error) {
	t, err := time.Parse("02.01.2006", strings.TrimSpace(s))
	if err != nil {
		return time.Time{}, fmt.Errorf("date %.40q is not DD.MM.YYYY", s)
	}
	return t, nil
}

// parseCBRValue parses a CBR value: digits with a comma (or point) decimal
// separator, positive, as parseFileNumber bounds it.
func parseCBRValue(what, s string) (decimal.Decimal, error) {
	d, err := parseFileNumber(s, ",.")
	if err != nil {
		return decimal.Decimal{}, cbrBad("%s %v", what, err)
	}
	return d, nil
}

// powerOfTen returns k if s is 10^k written in digits ("1", "10", "100", …),
// for k up to 18.
func powerOfTen(s string) (int32, bool) {
	if s == "" || len(s) > 19 || s[0] != '1' || strings.Trim(s[1:], "0") != "" {
		return 0, false
	}
	return int32(len(s) - 1), true
}

// cbrRate builds one rate from a Nominal, Value and optional VunitRate.
func cbrRate(cur Currency, on time.Time, en cbrEntry, src exodus.Source) (Rate, error) {
	exp, ok := powerOfTen(strings.TrimSpace(en.nominal))
	if !ok {
		return Rate{}, cbrBad("%v on %s: Nominal %.40q is not 1, 10, 100, … or 10^18", cur, dayString(on), en.nominal)
	}
	v, err := parseCBRValue(cur.Code()+" Value", en.value)
	if err != nil {
		return Rate{}, err
	}
	value := v.Shift(-exp) // Value / Nominal, exactly
	if en.hasVunit {
		u, err := parseCBRValue(cur.Code()+" VunitRate", en.vunitRate)
		if err != nil {
			return Rate{}, err
		}
		if !u.Equal(value) {
			return Rate{}, cbrBad("%v on %s: VunitRate %s disagrees with Value %s / Nominal %s", cur, dayString(on), en.vunitRate, en.value, strings.TrimSpace(en.nominal))
		}
	}
	r, err := newRate(cur, RUB, value, on, Official, src)
	if err != nil {
		return Rate{}, cbrBad("%v", err)
	}
	return r, nil
}

func parseCBRDaily(root *xmlElem, valutes []*xmlElem) ([]Rate, error) {
	on, err := parseCBRDate(root.attr("Date"))
	if err != nil {
		return nil, cbrBad("ValCurs Date: %v", err)
	}
	src := exodus.Source{
		Publisher: cbrPublisher,
		Title:     "Official exchange rates of foreign currencies against the rouble (XML_daily) on " + on.Format("02.01.2006"),
		URL:       "https://www.cbr.ru/scripts/XML_daily.asp?date_req=" + on.Format("02/01/2006"),
		Date:      on.Format(time.DateOnly),
		Note:      "rate in force from this date; set on the previous working day",
	}
	out := make([]Rate, 0, len(valutes))
	seen := make(map[Currency]bool, len(valutes))
	for _, v := range valutes {
		en, err := cbrEntryOf(v, "Valute "+v.attr("ID"))
		if err != nil {
			return nil, err
		}
		cur, err := ParseCurrency(en.code)
		if err != nil || cur == RUB {
			return nil, cbrBad("%s: CharCode %.40q is not a foreign ISO 4217 currency", en.label, en.code)
		}
		if seen[cur] {
			return nil, cbrBad("%v listed twice", cur)
		}
		seen[cur] = true
		r, err := cbrRate(cur, on, en, src)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

func parseCBRDynamic(root *xmlElem, records []*xmlElem) ([]Rate, error) {
	id := strings.TrimSpace(root.attr("ID"))
	cur, ok := cbrIDs()[id]
	if !ok {
		return nil, cbrBad("unknown CBR currency ID %.40q", id)
	}
	// The range names the request, so the Source's URL can repeat it; the
	// records must lie within it.
	d1, d2 := strings.TrimSpace(root.attr("DateRange1")), strings.TrimSpace(root.attr("DateRange2"))
	from, err := parseCBRDate(d1)
	if err != nil {
		return nil, cbrBad("ValCurs DateRange1: %v", err)
	}
	to, err := parseCBRDate(d2)
	if err != nil {
		return nil, cbrBad("ValCurs DateRange2: %v", err)
	}
	if to.Before(from) {
		return nil, cbrBad("DateRange2 %s before DateRange1 %s", d2, d1)
	}
	src := exodus.Source{
		Publisher: cbrPublisher,
		Title:     fmt.Sprintf("Dynamics of the official %s rate (XML_dynamic, %s), %s-%s", cur.Code(), id, d1, d2),
		URL: fmt.Sprintf("https://www.cbr.ru/scripts/XML_dynamic.asp?date_req1=%s&date_req2=%s&VAL_NM_RQ=%s",
			strings.ReplaceAll(d1, ".", "/"), strings.ReplaceAll(d2, ".", "/"), id),
		Note: "each rate in force from its date; set on the previous working day",
	}
	out := make([]Rate, 0, len(records))
	seen := make(map[time.Time]bool, len(records))
	for _, rec := range records {
		if rid := strings.TrimSpace(rec.attr("Id")); rid != "" && rid != id {
			return nil, cbrBad("Record Id %.40q in a file for %.40q", rid, id)
		}
		on, err := parseCBRDate(rec.attr("Date"))
		if err != nil {
			return nil, cbrBad("Record Date: %v", err)
		}
		if on.Before(from) || on.After(to) {
			return nil, cbrBad("Record for %s outside DateRange %s-%s", dayString(on), d1, d2)
		}
		if seen[on] {
			return nil, cbrBad("two records for %s", dayString(on))
		}
		seen[on] = true
		en, err := cbrEntryOf(rec, "Record "+dayString(on))
		if err != nil {
			return nil, err
		}
		// A Record names its currency by the file's ID; a CharCode, which
		// the CBR does not send there, must agree with it.
		if en.code != "" {
			if c, err := ParseCurrency(en.code); err != nil || c != cur {
				return nil, cbrBad("%s: CharCode %.40q in a file for %v (%s)", en.label, en.code, cur, id)
			}
		}
		r, err := cbrRate(cur, on, en, src)
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
		root, err := readXMLTree(g.File, mustReadData(g.File))
		if err != nil {
			panic("finance: embedded " + g.File + ": " + err.Error()) // tested; cannot happen
		}
		for _, v := range root.kids {
			code, _, _ := v.childText("CharCode")
			if c, err := ParseCurrency(code); err == nil && v.name == "Valute" {
				m[v.attr("ID")] = c
			}
		}
	}
	return m
})
