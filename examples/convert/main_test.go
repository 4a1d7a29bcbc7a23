package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"strings"
	"testing"
)

func runArgs(args ...string) (string, error) {
	out, _, err := runArgsErr(args...)
	return out, err
}

func runArgsErr(args ...string) (string, string, error) {
	var out, errOut bytes.Buffer
	err := run(context.Background(), args, &out, &errOut)
	return out.String(), errOut.String(), err
}

func TestConvertHelp(t *testing.T) {
	out, stderr, err := runArgsErr("-h")
	if !errors.Is(err, flag.ErrHelp) {
		t.Fatalf("-h: error %v, want flag.ErrHelp (main exits 0)", err)
	}
	for _, want := range []string{"Usage: convert", "-rates", "-max-age", "-any-age"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("-h does not document %s", want)
		}
	}
	if out != "" {
		t.Error("-h wrote to stdout")
	}
}

func TestConvert(t *testing.T) {
	tests := []struct {
		args []string
		want []string // lines the output must contain
	}{
		{ // hand: 1.2e12 / 115.1963 = 10417001240.49 (half to even; CBR 15.03.2022)
			[]string{"1.2 trillion RUB", "USD", "2022-03-15"},
			[]string{"= 10417001240.49 USD ($10.4bn)\nrate: 1 USD = 115.1963 RUB on 2022-03-15 (official)\nsource: Central Bank of Russia"},
		},
		{ // hand: 1.2e12 / 86.9288 = 13804400842.99 (CBR 25.02.2022, issue #3)
			[]string{"1.2 trillion roubles", "usd", "2022-02-25"},
			[]string{"= 13804400842.99 USD ($13.8bn)"},
		},
		{ // hand: 12e9 × 151.5177 / 115.1963 = 15783600688.56 (cross through RUB)
			[]string{"£12bn", "USD", "2022-03-15"},
			[]string{"= 15783600688.56 USD", "(official, cross via RUB)", "crossed from the rates:", "1 GBP = 151.5177 RUB on 2022-03-15 (official)", "1 USD = 115.1963 RUB on 2022-03-15 (official)"},
		},
		{ // issue 9 found 2: 24.02.2022 uses the rate dated 23.02, in force that day; hand: 1.2e12 / 80.4194 = 14921772607.11
			[]string{"1.2 trillion RUB", "USD", "2022-02-24"},
			[]string{"= 14921772607.11 USD", "rate: 1 USD = 80.4194 RUB on 2022-02-23 (official), 1 day before 2022-02-24"},
		},
		{ // a reported rate says so; hand: 1.2e12 / 109.2015 = 10988860043.13
			[]string{"1.2 trillion RUB", "GBP", "2022-02-24"},
			[]string{"= 10988860043.13 GBP", "(reported)", "basis: reported, not an official rate"},
		},
		{ // issue 9 found 1: with -any-age a stale rate converts and says how stale; hand: 1.2e12 / 74.8932
			[]string{"-any-age", "1.2 trillion RUB", "USD", "2024-01-15"},
			[]string{"= 16022816490.68 USD", "on 2023-03-01 (reported), 320 days before 2024-01-15"},
		},
		{ // -max-age 0: only a rate of the day itself
			[]string{"-max-age", "0", "1.2 trillion RUB", "USD", "2022-02-25"},
			[]string{"= 13804400842.99 USD"},
		},
		{ // the same currency: no rate, no source to invent
			[]string{"1.2 trillion RUB", "RUB", "2022-03-15"},
			[]string{"= 1200000000000.00 RUB (₽1.2trn)", "no conversion: the amount is already in RUB"},
		},
		{ // a negative amount after --: hand, -5 × 151.5177 / 115.1963 = -6.58 (half to even)
			[]string{"--", "-5 GBP", "USD", "2022-03-15"},
			[]string{"-5 GBP = -6.58 USD"},
		},
		{ // hand: 1.2e12 / 97.8335 = 12265737196.36 (CBR XML_daily, 09.11.2024)
			[]string{"-rates", "../exodus/testdata/cbr-2024-11-09.xml", "1.2 trillion RUB", "USD", "2024-11-09"},
			[]string{"= 12265737196.36 USD", "date_req=09/11/2024"},
		},
	}
	for _, tt := range tests {
		out, err := runArgs(tt.args...)
		if err != nil {
			t.Errorf("convert %q: %v", tt.args, err)
			continue
		}
		for _, w := range tt.want {
			if !strings.Contains(out, w) {
				t.Errorf("convert %q: output lacks %q:\n%s", tt.args, w, out)
			}
		}
	}
}

func TestConvertBadInput(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"5 XYZ", "USD", "2022-03-15"}, "XYZ"},
		{[]string{"5 USD", "ABC", "2022-03-15"}, "ABC"},
		{[]string{"5 USD", "EUR", "2019-03-15"}, "2019-03-15"},
		{[]string{"5 USD", "EUR", "15/03/2022"}, "15/03/2022"},
		{[]string{"lots of money", "EUR", "2022-03-15"}, "lots of money"},
		{[]string{"5 USD", "EUR"}, "3 arguments"},
		{[]string{"-max-age", "3", "1 RUB", "USD", "2022-03-09"}, "2022-03-09"},            // the latest embedded, 02.03, is 7 days old
		{[]string{"1.2 trillion RUB", "USD", "2024-01-15"}, "within 14 days"},              // issue 9 found 1: no derived, no stale rate by default
		{[]string{"1.2 trillion RUB", "USD", "2023-06-01"}, "latest is 2023-03-01"},        // the article's date has no official rate
		{[]string{"-max-age", "0", "1.2 trillion RUB", "USD", "2022-02-24"}, "2022-02-24"}, // no rate dated 24.02.2022
		{[]string{"-rates", "../exodus/testdata/truncated.xml", "1 RUB", "USD", "2024-11-09"}, "truncated.xml"},
		{[]string{"-rates", "testdata/none.xml", "1 RUB", "USD", "2024-11-09"}, "none.xml"},
		{[]string{"-max-age", "abc", "1 RUB", "USD", "2022-03-15"}, "abc"},
		{[]string{"-max-age", "-1", "1 RUB", "USD", "2022-03-15"}, "-1"},
		{[]string{"-colour", "1 RUB", "USD", "2022-03-15"}, "-colour"},
		{[]string{"5 USD", "EUR", "2022-02-30"}, "2022-02-30"},
		{[]string{"NaN USD", "EUR", "2022-03-15"}, "NaN"},
	}
	for _, tt := range tests {
		out, stderr, err := runArgsErr(tt.args...)
		if stderr != "" {
			t.Errorf("convert %q: stderr written besides the error: %q", tt.args, stderr)
		}
		if err == nil {
			t.Errorf("convert %q: want an error", tt.args)
			continue
		}
		if msg := err.Error(); !strings.Contains(strings.ToUpper(msg), strings.ToUpper(tt.want)) || strings.Contains(msg, "\n") {
			t.Errorf("convert %q: error %q should name %q on one line", tt.args, msg, tt.want)
		}
		if out != "" {
			t.Errorf("convert %q: stdout written on error", tt.args)
		}
	}
}
