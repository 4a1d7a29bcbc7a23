package finance_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/finance"
	"github.com/shopspring/decimal"
)

// issue 9 must-have 1: every rate has a typed basis.
func TestBasisString(t *testing.T) {
	t.Parallel()
	for b, want := range map[finance.Basis]string{
		finance.UnknownBasis: "unknown", finance.Official: "official", finance.Reported: "reported",
		finance.Derived: "derived", finance.Basis(9): "Basis(9)", finance.Basis(255): "Basis(255)",
	} {
		if got := b.String(); got != want {
			t.Errorf("Basis(%d).String() = %q, want %q", b, got, want)
		}
		if valid := want != "unknown" && want[0] != 'B'; b.Valid() != valid {
			t.Errorf("Basis(%d).Valid() = %v", b, b.Valid())
		}
	}
	for _, s := range []string{"official", "reported", "derived"} {
		b, err := finance.ParseBasis(s)
		if err != nil || b.String() != s {
			t.Errorf("ParseBasis(%q) = %v, %v", s, b, err)
		}
	}
	for _, s := range []string{"", "unknown", "Official", "OFF", "official ", "Basis(9)"} {
		if _, err := finance.ParseBasis(s); !errors.Is(err, finance.ErrSyntax) {
			t.Errorf("ParseBasis(%q): %v, want ErrSyntax", s, err)
		}
	}
	if _, err := json.Marshal(finance.UnknownBasis); err == nil {
		t.Error("Marshal(UnknownBasis): no error")
	}
	var b finance.Basis
	if err := json.Unmarshal([]byte(`"reported"`), &b); err != nil || b != finance.Reported {
		t.Errorf("Unmarshal reported = %v, %v", b, err)
	}
}

// A computed rate is only as good as its weakest leg (issue 9 must-have 1).
func TestBasisWeaker(t *testing.T) {
	t.Parallel()
	o, r, d, u := finance.Official, finance.Reported, finance.Derived, finance.UnknownBasis
	for _, tt := range []struct{ a, b, want finance.Basis }{
		{o, o, o}, {o, r, r}, {r, o, r}, {o, d, d}, {d, r, d}, {r, r, r}, {d, d, d},
		{o, u, u}, {u, d, u}, {finance.Basis(9), o, finance.Basis(9)},
	} {
		if got := tt.a.Weaker(tt.b); got != tt.want {
			t.Errorf("%v.Weaker(%v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
	day := date(2022, 2, 25)
	usd := mustBasisRate(t, finance.USD, "86.9288", finance.Official)
	gbp := mustBasisRate(t, finance.GBP, "117.1539", finance.Reported)
	art := mustBasisRate(t, finance.CNY, "13", finance.Derived)
	rates, err := finance.NewRates(usd, gbp, art)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		from, to finance.Currency
		want     finance.Basis
		str      string
	}{
		{finance.USD, finance.RUB, o, "1 USD = 86.9288 RUB on 2022-02-25 (official)"},
		{finance.RUB, finance.GBP, r, "1 RUB = 0.0085357807123792 GBP on 2022-02-25 (reported, inverse)"},       // bc: scale=20; 1/117.1539 = .008535780712379186…
		{finance.GBP, finance.USD, r, "1 GBP = 1.3476994965995159 USD on 2022-02-25 (reported, cross via RUB)"}, // bc: scale=20; 117.1539/86.9288 = 1.347699496599515925…
		{finance.USD, finance.CNY, d, "1 USD = 6.6868307692307692 CNY on 2022-02-25 (derived, cross via RUB)"},  // bc: scale=20; 86.9288/13 = 6.686830769230769230…
		{finance.CNY, finance.GBP, d, "1 CNY = 0.1109651492609294 GBP on 2022-02-25 (derived, cross via RUB)"},  // bc: scale=20; 13/117.1539 = .110965149260929427…
	} {
		got, err := rates.Find(tt.from, tt.to, day)
		if err != nil || got.Basis() != tt.want || got.String() != tt.str {
			t.Errorf("Find(%v, %v) = %v, %v; want %s", tt.from, tt.to, got, err, tt.str)
		}
		if inv := got.Inverse(); inv.Basis() != tt.want {
			t.Errorf("%v.Inverse() basis %v, want %v", got, inv.Basis(), tt.want)
		}
	}
}

func TestNewRateBasis(t *testing.T) {
	t.Parallel()
	for _, b := range []finance.Basis{finance.UnknownBasis, finance.Basis(4), finance.Basis(200)} {
		_, err := finance.NewRate(finance.USD, finance.RUB, decimal.NewFromInt(80), date(2022, 2, 25), b, exodus.Source{})
		if !errors.Is(err, finance.ErrInvalidRate) {
			t.Errorf("NewRate with basis %v: %v, want ErrInvalidRate", b, err)
		}
	}
	if (finance.Rate{}).Basis() != finance.UnknownBasis {
		t.Error("the zero Rate has a basis")
	}
	// Parsed official files are official.
	for _, r := range finance.DefaultRates().All() {
		if r.Date().Equal(date(2024, 11, 9)) && r.Basis() != finance.Official {
			t.Errorf("%v from the CBR's XML_daily file is not official", r)
		}
	}
}

func mustBasisRate(t *testing.T, cur finance.Currency, v string, b finance.Basis) finance.Rate {
	t.Helper()
	r, err := finance.NewRate(cur, finance.RUB, decimal.RequireFromString(v), date(2022, 2, 25), b, exodus.Source{Title: b.String()})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func FuzzParseBasis(f *testing.F) {
	for _, s := range []string{"official", "reported", "derived", "unknown", "", "Basis(1)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := finance.ParseBasis(s)
		if err != nil {
			if !errors.Is(err, finance.ErrSyntax) || b != finance.UnknownBasis {
				t.Fatalf("ParseBasis(%q) = %v, %v", s, b, err)
			}
			return
		}
		if !b.Valid() || b.String() != s {
			t.Fatalf("ParseBasis(%q) = %v, which does not print back", s, b)
		}
	})
}
