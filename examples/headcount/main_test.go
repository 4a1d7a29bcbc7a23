package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"errors"
	"flag"
	"strconv"
	"strings"
	"testing"

	"github.com/exodus-lab/exodus/workforce"
)

func runArgs(args ...string) (string, error) {
	out, _, err := runArgsErr(args...)
	return out, err
}

func runArgsErr(args ...string) (string, string, error) {
	var out, errOut bytes.Buffer
	err := run(context.Background(), append([]string{"-draws", "1000"}, args...), &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestHeadcountText(t *testing.T) {
	out, err := runArgs("-share", "1.5%")
	if err != nil {
		t.Fatal(err)
	}
	// hand: 1.5% of 75.1 million (Rosstat LFS, November 2022) = 1,126,500
	if want := "1,126,500 people by sector and ILO skill level, a fixed table"; !strings.HasPrefix(out, want) {
		t.Errorf("output starts %q, want %q", out[:60], want)
	}
	if strings.Contains(out, "90% interval") {
		t.Error("a fixed table has an interval column")
	}
	// Rosstat LFS November 2022: 75.1 million; Rosstat's 2022 employment
	// total, 71,902.6 thousand (workforce/data/rosstat_employment_okved2.csv);
	// hand: 1.5% × 75.1 / 71.9026 = 1.57% of each sector.
	for _, want := range []string{"75,100,000 people", "71,902,600 employed", "1.57%"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q", want)
		}
	}
	if !strings.Contains(out, "rosstat.gov.ru") {
		t.Error("output does not cite Rosstat")
	}
}

func TestHeadcountCSVAddsUp(t *testing.T) {
	for _, args := range [][]string{
		{"-total", "1000000", "-format", "csv"},
		{"-total", "600000-1000000", "-format", "csv", "-year", "2021"},
	} {
		out, err := runArgs(args...)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != 1+21*4 {
			t.Fatalf("%q: %d records, want 85", args, len(recs))
		}
		// Issue 9, must-have §9: the workforce package's one schema.
		if got := strings.Join(recs[0], ","); got != workforce.HeadcountCSVHeader {
			t.Fatalf("%q: header %q, want %q", args, got, workforce.HeadcountCSVHeader)
		}
		var sum int64
		for _, r := range recs[1:] {
			n, _ := strconv.ParseInt(r[3], 10, 64)
			sum += n
			lo, _ := strconv.ParseInt(r[4], 10, 64)
			hi, _ := strconv.ParseInt(r[5], 10, 64)
			// Issue 9, must-have §8: the interval encloses the count.
			if !(lo <= n && n <= hi) {
				t.Errorf("%q: %v: count %d outside its interval %d–%d", args, r[:3], n, lo, hi)
			}
		}
		if args[1] == "1000000" && sum != 1_000_000 {
			t.Errorf("cells add up to %d, want 1000000", sum)
		}
	}
}

func TestHeadcountBadInput(t *testing.T) {
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"-share", "-1%"}, "-1%"},
		{[]string{"-share", "abc"}, "abc"},
		{[]string{"-total", "NaN"}, "NaN"},
		{[]string{"-share", "1%", "-total", "5"}, "one of"},
		{nil, "one of"},
		{[]string{"-share", "1%", "-year", "2019"}, "2019"},
		{[]string{"-share", "1%", "-format", "xml"}, "xml"},
		{[]string{"-share", "1.5"}, "1.5"},
		{[]string{"-share", "150%"}, "150%"},
		{[]string{"-total", "0"}, `"0"`},
		{[]string{"-total", "9000-3000"}, "9000-3000"},
		{[]string{"-total", "1000", "-draws", "x"}, `"x"`},
		{[]string{"-total", "1000", "extra"}, "extra"},
		{[]string{"-total", "1000", "-draws", "10000000"}, "10000000"},
	} {
		out, stderr, err := runArgsErr(tt.args...)
		if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") || out != "" || stderr != "" {
			t.Errorf("headcount %q: error %v, stdout %d bytes, stderr %q; want a one-line error naming %q and nothing else", tt.args, err, len(out), stderr, tt.want)
		}
	}
}

func TestHeadcountInterval(t *testing.T) {
	out, err := runArgs("-total", "600000-1000000")
	if err != nil {
		t.Fatal(err)
	}
	// hand: the lognormal with 90% interval 600k–1M has median sqrt(6e5 × 1e6) = 774,597
	if want := "774,597 people (90%: "; !strings.HasPrefix(out, want) {
		t.Errorf("output starts %q, want %q", out[:40], want)
	}
	if !strings.Contains(out, "90% interval") {
		t.Error("no interval column for an uncertain total")
	}
}

func TestHeadcountHelp(t *testing.T) {
	out, stderr, err := runArgsErr("-h")
	if !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("-h: error %v, want flag.ErrHelp (main exits 0)", err)
	}
	for _, name := range []string{"-share", "-total", "-format", "-year", "-draws", "-seed"} {
		if !strings.Contains(stderr, name) {
			t.Errorf("-h does not document %s", name)
		}
	}
	if out != "" {
		t.Error("-h wrote to stdout")
	}
}

// A decimal comma in -share is read as a decimal point, as in "1,5%" (issue
// 13 row 5: it used to give 11,265,000 people, 15%). hand: 1.5% of 75.1
// million (Rosstat LFS, November 2022) = 1,126,500.
func TestHeadcountDecimalComma(t *testing.T) {
	for _, share := range []string{"1,5%", "0,015", "15e-3"} {
		out, err := runArgs("-share", share)
		if err != nil {
			t.Fatalf("-share %s: %v", share, err)
		}
		if want := "1,126,500 people"; !strings.HasPrefix(out, want) {
			t.Errorf("-share %s: output starts %q, want %q", share, out[:40], want)
		}
	}
}

// Issue 14 §8: -share is echoed exactly as given, never re-rounded.
func TestShareEchoedExactly(t *testing.T) {
	out, err := runArgs("-share", "1.25%-1.75%")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "-share 1.25%-1.75% is of the labour force") {
		t.Errorf("output does not echo -share 1.25%%-1.75%% as given:\n%s", out)
	}
}
