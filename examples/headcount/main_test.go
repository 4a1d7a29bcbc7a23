package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"strconv"
	"strings"
	"testing"
)

func runArgs(args ...string) (string, error) {
	var out, errOut bytes.Buffer
	err := run(context.Background(), append([]string{"-draws", "1000"}, args...), &out, &errOut)
	return out.String(), err
}

func TestHeadcountText(t *testing.T) {
	out, err := runArgs("-share", "1.5%")
	if err != nil {
		t.Fatal(err)
	}
	// hand: 1.5% of 75.1 million (Rosstat LFS, November 2022) = 1,126,500
	if !strings.HasPrefix(out, "1126500 people") {
		t.Errorf("output starts %q, want 1126500 people", out[:40])
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
		var sum int64
		for _, r := range recs[1:] {
			n, _ := strconv.ParseInt(r[2], 10, 64)
			sum += n
			lo, _ := strconv.ParseFloat(r[3], 64)
			hi, _ := strconv.ParseFloat(r[4], 64)
			if lo > hi {
				t.Errorf("%q: interval %v–%v reversed", args, lo, hi)
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
	} {
		out, err := runArgs(tt.args...)
		if err == nil || !strings.Contains(err.Error(), tt.want) || out != "" {
			t.Errorf("headcount %q: error %v, stdout %d bytes; want an error naming %q and no output", tt.args, err, len(out), tt.want)
		}
	}
}
