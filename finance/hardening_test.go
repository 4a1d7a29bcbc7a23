package finance_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math/big"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/finance"
	"github.com/shopspring/decimal"
)

// Tests for the rows of issue 13 that concern finance. Each names its row.
// Where a test guards against a hang, it runs the call under a generous
// bound (within): the bound catches a hang, it does not measure speed.

// within runs f and fails the test if it has not returned after limit.
func within(t *testing.T, limit time.Duration, what string, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	select {
	case <-done:
	case <-time.After(limit):
		t.Fatalf("%s did not return within %v", what, limit)
	}
}

func cbrDaily(value string) string {
	return `<ValCurs Date="25.02.2022" name="Foreign Currency Market"><Valute ID="R01235"><NumCode>840</NumCode><CharCode>USD</CharCode><Nominal>1</Nominal><Name>x</Name><Value>` +
		value + `</Value></Valute></ValCurs>`
}

func ecbDay(rate string) string {
	return `<Envelope><Cube><Cube time="2022-03-01"><Cube currency="USD" rate="` + rate + `"/></Cube></Cube></Envelope>`
}

// Row 4: the digits of a number in a rate file are bounded, so a 2 MB value
// is refused at once with an error that quotes its start, not read in
// quadratic time.
func TestRateFileDigitsBounded(t *testing.T) {
	huge := "1" + strings.Repeat("0", 1_000_000)
	for _, c := range []struct{ name, file string }{
		{"CBR Value of 10^6 zeros", cbrDaily(huge + ",5")},
		{"CBR VunitRate of 10^6 zeros", strings.Replace(cbrDaily("86,9288"), "</Value>", "</Value><VunitRate>"+huge+"</VunitRate>", 1)},
		{"CBR fraction of 10^6 digits", cbrDaily("1," + strings.Repeat("3", 1_000_000))},
		{"ECB rate of 10^6 zeros", ecbDay(huge)},
		{"ECB 21 significant digits", ecbDay("1.00000000000000000001")},
		{"CBR 21 significant digits", cbrDaily("86,92880000000000000001")},
	} {
		var err error
		within(t, 10*time.Second, c.name, func() { _, err = finance.ParseRates(strings.NewReader(c.file)) })
		if !errors.Is(err, finance.ErrFormat) || !strings.Contains(err.Error(), "significant digits") {
			t.Errorf("%s: %.200v; want an error wrapping ErrFormat about significant digits", c.name, err)
		}
		if err != nil && len(err.Error()) > 400 {
			t.Errorf("%s: error of %d bytes; it should quote the value's start only", c.name, len(err.Error()))
		}
	}
	// 20 significant digits, and leading zeros, are still read.
	for _, c := range []struct{ file, want string }{
		{ecbDay("1.0000000000000000001"), "1.0000000000000000001"}, // hand: 20 digits
		{cbrDaily("0,00000000000000000012345678901234567890"), "0.0000000000000000001234567890123456789"},
	} {
		rates, err := finance.ParseRates(strings.NewReader(c.file))
		if err != nil {
			t.Errorf("%.80s: %v", c.file, err)
			continue
		}
		if got := rates[0].Decimal().String(); got != c.want {
			t.Errorf("%.80s: value %s, want %s", c.file, got, c.want)
		}
	}
}

// Row 9: Allocate with many weights takes O(n log n), and still gives the
// leftover units to the largest remainders, ties to the first.
func TestAllocateManyWeights(t *testing.T) {
	const n = 100_000
	weights := make([]int64, n)
	for i := range weights {
		weights[i] = int64(i%7 + 1)
	}
	// Each part is under two cents, so most units are left over.
	a := finance.MustParseAmount("1000.00 USD")
	var parts []finance.Amount
	var err error
	within(t, 10*time.Second, "Allocate of 10^5 weights", func() { parts, err = a.Allocate(weights...) })
	if err != nil {
		t.Fatal(err)
	}
	// Independent check with math/big: units·w/total rounded down, then
	// one more unit for the parts whose remainder is among the largest,
	// ties to the first, found by counting rather than sorting.
	units := big.NewInt(100_000) // hand: 1000.00 USD in cents
	total := int64(0)
	for _, w := range weights {
		total += w
	}
	floor := make([]int64, n)
	rem := make([]int64, n)
	left := units.Int64()
	for i, w := range weights {
		x := new(big.Int).Mul(units, big.NewInt(w))
		q, r := new(big.Int).QuoRem(x, big.NewInt(total), new(big.Int))
		floor[i], rem[i] = q.Int64(), r.Int64()
		left -= floor[i]
	}
	// Indices by remainder, in index order; remainders from the largest.
	byRem := map[int64][]int{}
	for i, r := range rem {
		byRem[r] = append(byRem[r], i)
	}
	keys := slices.Collect(maps.Keys(byRem))
	slices.Sort(keys)
	extra := make([]bool, n)
	for k := len(keys) - 1; k >= 0 && left > 0; k-- {
		for _, i := range byRem[keys[k]] {
			if left == 0 {
				break
			}
			extra[i] = true
			left--
		}
	}
	for i, p := range parts {
		want := floor[i]
		if extra[i] {
			want++
		}
		if got := p.Decimal().Shift(2).IntPart(); got != want {
			t.Fatalf("part %d (weight %d) = %v, want %d cents", i, weights[i], p, want)
		}
	}
}

// Row 13: a rate's date must be one the JSON form can carry: a time on
// 0001-01-01 is "no date", and years outside 0001–9999 are refused.
func TestRateDateRange(t *testing.T) {
	for _, on := range []time.Time{
		time.Date(1, 1, 1, 0, 0, 0, 1, time.UTC),
		time.Date(1, 1, 1, 23, 59, 59, 0, time.UTC),
		time.Date(0, 12, 31, 0, 0, 0, 0, time.UTC),
		time.Date(-5, 6, 1, 0, 0, 0, 0, time.UTC),
		time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC),
		time.Date(292277026596, 12, 4, 0, 0, 0, 0, time.UTC),
	} {
		r, err := finance.NewRate(finance.USD, finance.RUB, decimal.NewFromInt(80), on, finance.Official, exodus.Source{})
		if !errors.Is(err, finance.ErrInvalidRate) {
			t.Errorf("NewRate on %v = %v, %v; want an error wrapping ErrInvalidRate", on, r, err)
		}
	}
	// The rate of 1 between a currency and itself needs a date too.
	if r, err := finance.DefaultRates().Find(finance.EUR, finance.EUR, time.Time{}); !errors.Is(err, finance.ErrInvalidRate) {
		t.Errorf("Find(EUR, EUR, zero time) = %v, %v; want an error wrapping ErrInvalidRate", r, err)
	}
	var r finance.Rate
	if err := json.Unmarshal([]byte(`{"base":"USD","quote":"USD","value":"1","date":"0001-01-01"}`), &r); !errors.Is(err, finance.ErrInvalidRate) {
		t.Errorf("Unmarshal of USD/USD on 0001-01-01 = %v, %v; want an error wrapping ErrInvalidRate", r, err)
	}
	// The extremes that are allowed round-trip through JSON.
	for _, on := range []time.Time{date(1, 1, 2), date(9999, 12, 31), time.Date(9999, 12, 31, 23, 0, 0, 0, time.UTC)} {
		r, err := finance.NewRate(finance.USD, finance.RUB, decimal.NewFromInt(80), on, finance.Official, exodus.Source{})
		if err != nil {
			t.Errorf("NewRate on %v: %v", on, err)
			continue
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		var back finance.Rate
		if err := json.Unmarshal(b, &back); err != nil || !back.Equal(r) {
			t.Errorf("round trip of %v: %s gave %v, %v", r, b, back, err)
		}
	}
}

// Row 14: a rate between a currency and itself, such as the rate of 1 that
// Find returns and that JSON reads back, cannot enter a table: NewRate
// refuses base = quote, and so do Add and Replace.
func TestRatesRefuseSameCurrency(t *testing.T) {
	var r finance.Rate
	if err := json.Unmarshal([]byte(`{"base":"USD","quote":"USD","value":"1","date":"2022-01-01"}`), &r); err != nil {
		t.Fatal(err)
	}
	identity, err := finance.DefaultRates().Find(finance.EUR, finance.EUR, date(2022, 1, 1))
	if err != nil {
		t.Fatal(err)
	}
	for _, x := range []finance.Rate{r, identity} {
		if _, err := finance.NewRates(x); !errors.Is(err, finance.ErrInvalidRate) {
			t.Errorf("NewRates(%v): %v, want an error wrapping ErrInvalidRate", x, err)
		}
		if err := new(finance.Rates).Replace(x); !errors.Is(err, finance.ErrInvalidRate) {
			t.Errorf("Replace(%v): %v, want an error wrapping ErrInvalidRate", x, err)
		}
	}
}

// Row 15: the XML readers are strict.
func TestRateFilesStrict(t *testing.T) {
	dynamic := func(record string) string {
		return `<ValCurs ID="R01235" DateRange1="01.03.2022" DateRange2="02.03.2022" name="Foreign Currency Market Dynamic">` + record + `</ValCurs>`
	}
	for name, file := range map[string]string{
		"element inside Value":      cbrDaily("1<b>9</b>,5"),
		"element inside CharCode":   strings.Replace(cbrDaily("86,9288"), "<CharCode>USD</CharCode>", "<CharCode>U<x/>SD</CharCode>", 1),
		"element inside Nominal":    strings.Replace(cbrDaily("86,9288"), "<Nominal>1</Nominal>", "<Nominal>1<x/>0</Nominal>", 1),
		"CharCode EUR in USD":       dynamic(`<Record Date="01.03.2022" Id="R01235"><CharCode>EUR</CharCode><Nominal>1</Nominal><Value>103,3</Value></Record>`),
		"duplicate Date":            strings.Replace(cbrDaily("86,9288"), `Date="25.02.2022"`, `Date="25.02.2022" Date="26.02.2022"`, 1),
		"namespaced Date":           strings.Replace(cbrDaily("86,9288"), `Date="25.02.2022"`, `x:Date="25.02.2022"`, 1),
		"namespaced and plain Date": strings.Replace(cbrDaily("86,9288"), `Date="25.02.2022"`, `x:Date="24.02.2022" Date="25.02.2022"`, 1),
		"duplicate Record Date":     dynamic(`<Record Date="01.03.2022" Date="02.03.2022" Id="R01235"><Nominal>1</Nominal><Value>103,3</Value></Record>`),
		"duplicate ECB time":        `<Envelope><Cube><Cube time="2022-03-01" time="2022-03-02"><Cube currency="USD" rate="1.1"/></Cube></Cube></Envelope>`,
		"ECB day with no rates":     `<Envelope><Cube><Cube time="2022-03-02"></Cube><Cube time="2022-03-01"><Cube currency="USD" rate="1.1"/></Cube></Cube></Envelope>`,
		"ECB rate 1.":               ecbDay("1."),
		"ECB rate .5":               ecbDay(".5"),
		"ECB rate with comma":       ecbDay("1,5"),
	} {
		rates, err := finance.ParseRates(strings.NewReader(file))
		if !errors.Is(err, finance.ErrFormat) {
			t.Errorf("%s: ParseRates = %v, %v; want an error wrapping ErrFormat", name, rates, err)
		}
	}
	// A CharCode that agrees with the ID is accepted.
	if _, err := finance.ParseRates(strings.NewReader(dynamic(`<Record Date="01.03.2022" Id="R01235"><CharCode>USD</CharCode><Nominal>1</Nominal><Value>103,3</Value></Record>`))); err != nil {
		t.Errorf("CharCode USD in a USD dynamic record: %v", err)
	}
}

// Row 16: a file of junk attributes is refused without the tree taking
// many times its size in memory: attributes count toward a limit of
// elements and attributes, and the tree keeps only the attributes the
// parsers read. The peak resident memory of a child process that parses a
// 63 MB file (1.26 GB before) is checked on Linux.
func TestRateFileJunkAttributes(t *testing.T) {
	junk := func(size int, oneElement bool) string {
		var b strings.Builder
		b.Grow(size + 100)
		b.WriteString(`<ValCurs Date="25.02.2022"`)
		if oneElement {
			for i := 0; b.Len() < size; i++ {
				fmt.Fprintf(&b, ` a%d=""`, i)
			}
			b.WriteString(`/>`)
			return b.String()
		}
		b.WriteString(`>`)
		for b.Len() < size {
			b.WriteString(`<a b="" c="" d="" e="" f="" g="" h="" i="" j="" k=""/>`)
		}
		b.WriteString(`</ValCurs>`)
		return b.String()
	}
	if kind := os.Getenv("EXODUS_JUNK_ATTRS"); kind != "" {
		// The child: parse, then report the peak resident memory.
		file := junk(63<<20, kind == "one")
		var err error
		if kind == "read" { // the baseline: the file and a copy, as ParseRates reads it
			_, err = io.ReadAll(strings.NewReader(file))
		} else {
			_, err = finance.ParseRates(strings.NewReader(file))
		}
		status, _ := os.ReadFile("/proc/self/status")
		for _, line := range strings.Split(string(status), "\n") {
			if strings.HasPrefix(line, "VmHWM:") {
				fmt.Printf("%s\nerr: %v\n", line, err)
			}
		}
		return
	}
	for _, one := range []bool{false, true} {
		_, err := finance.ParseRates(strings.NewReader(junk(4<<20, one)))
		if !errors.Is(err, finance.ErrFormat) {
			t.Errorf("4 MB of junk attributes (one element: %v): %v, want an error wrapping ErrFormat", one, err)
		}
	}
	if runtime.GOOS != "linux" || testing.Short() || raceEnabled {
		t.Skip("peak memory is measured on Linux, without -short and -race")
	}
	peak := map[string]int64{}
	for _, kind := range []string{"read", "many", "one"} {
		cmd := exec.Command(os.Args[0], "-test.run=^TestRateFileJunkAttributes$")
		cmd.Env = append(os.Environ(), "EXODUS_JUNK_ATTRS="+kind)
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("child: %v\n%s", err, out)
		}
		var kb int64
		var parseErr string
		for _, line := range strings.Split(string(out), "\n") {
			if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
				fmt.Sscanf(strings.TrimSpace(v), "%d", &kb)
			}
			if v, ok := strings.CutPrefix(line, "err: "); ok {
				parseErr = v
			}
		}
		peak[kind] = kb
		t.Logf("%s: peak resident memory %d MB for a 63 MB file", kind, kb>>10)
		if kind == "read" {
			continue
		}
		if !strings.Contains(parseErr, "malformed rate file") {
			t.Errorf("%s: 63 MB of junk attributes gave %q, want an ErrFormat error", kind, parseErr)
		}
		// Beyond the text and its copy, which the baseline holds, parsing
		// may take at most twice the file (before: about 18 times).
		if limit := peak["read"] + 2*63<<10; peak["read"] == 0 || kb == 0 || kb > limit {
			t.Errorf("%s: peak resident memory %d kB, want at most %d kB (baseline %d kB)", kind, kb, limit, peak["read"])
		}
	}
}

// Row 19: Compact of a tiny amount is short and quick: scientific notation,
// as for huge ones.
func TestCompactTiny(t *testing.T) {
	for _, c := range []struct {
		in   finance.Amount
		want string
	}{
		{finance.NewAmount(decimal.New(1, -2000000), finance.EUR), "€1e-2000000"},          // hand: 1×10^-2000000
		{finance.NewAmount(decimal.New(-12345, -1000005), finance.USD), "-$1.23e-1000001"}, // hand: 1.2345e-1000001 to 3 digits, half even
		{finance.NewAmount(decimal.New(15, -8), finance.USD), "$1.5e-7"},                   // hand: below 10^-6
		{finance.MustParseAmount("0.001 USD"), "$0.001"},                                   // hand: 10^-3 stays plain
		{finance.NewAmount(decimal.New(1, -6), finance.USD), "$0.000001"},                  // hand: 10^-6 stays plain
		{finance.NewAmount(decimal.New(9995, -10), finance.USD), "$0.000001"},              // hand: 9.995e-7 rounds (half even) to 1.00e-6
	} {
		var got string
		within(t, 10*time.Second, "Compact", func() { got = c.in.Compact() })
		if got != c.want {
			t.Errorf("Compact(%.40v) = %.60q, want %q", c.in, got, c.want)
		}
	}
}
