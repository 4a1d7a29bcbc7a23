package finance_test

import (
	"errors"
	"math"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/finance"
	"github.com/shopspring/decimal"
)

// refConvert is an independent reference for v×num/den rounded half to even
// to places: exact rational arithmetic with math/big.Rat, then the rounding
// rule written out (floor of the magnitude, compare the rest with 1/2, ties
// to the even integer).
func refConvert(v, num, den decimal.Decimal, places int32) decimal.Decimal {
	x := new(big.Rat).Mul(v.Rat(), num.Rat())
	x.Quo(x, den.Rat())
	scale := new(big.Rat).SetInt(new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(abs32(places))), nil))
	if places >= 0 {
		x.Mul(x, scale)
	} else {
		x.Quo(x, scale)
	}
	neg := x.Sign() < 0
	x.Abs(x)
	q, r := new(big.Int).QuoRem(x.Num(), x.Denom(), new(big.Int))
	// Compare 2r with the denominator: above half, or a tie with q odd,
	// rounds up.
	if c := new(big.Int).Lsh(r, 1).Cmp(x.Denom()); c > 0 || (c == 0 && q.Bit(0) == 1) {
		q.Add(q, big.NewInt(1))
	}
	if neg {
		q.Neg(q)
	}
	return decimal.NewFromBigInt(q, -places)
}

func abs32(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}

// same reports whether a and b are bit-identical decimals: the same
// coefficient and exponent, not only equal values.
func same(a, b decimal.Decimal) bool {
	return a.Exponent() == b.Exponent() && a.Coefficient().Cmp(b.Coefficient()) == 0
}

// TestConvertPathsAgree checks the integer path of the conversion
// arithmetic against the decimal path and against math/big.Rat, on random
// inputs and edge cases. issue 12 §1.
func TestConvertPathsAgree(t *testing.T) {
	type in struct {
		v, num, den decimal.Decimal
		places      int32
	}
	d := decimal.RequireFromString
	cases := []in{
		// Ties, hand: 0.125×1 = 0.125 → 0.12 (2 even); 0.135 → 0.14.
		{d("0.125"), d("1"), d("1"), 2},
		{d("0.135"), d("1"), d("1"), 2},
		{d("-0.125"), d("1"), d("1"), 2},
		{d("-0.135"), d("1"), d("1"), 2},
		// hand: 1 kopeck / 2 = 0.005 → 0.00; 3 kopecks / 2 = 0.015 → 0.02.
		{d("0.01"), d("1"), d("2"), 2},
		{d("0.03"), d("1"), d("2"), 2},
		// hand: 2.5 → 2 and 3.5 → 4 at 0 places (JPY).
		{d("25"), d("1"), d("10"), 0},
		{d("35"), d("1"), d("10"), 0},
		// Largest coefficients: 18 digits take the integer path, 19 the
		// decimal one.
		{d("999999999999999999"), d("999999999999999999"), d("999999999999999998"), 0},
		{d("-999999999999999999"), d("0.000000000000000001"), d("999999999999999999"), 4},
		{d("9223372036854775807"), d("1"), d("3"), 2},
		{d("-9223372036854775808"), d("1"), d("3"), 2},
		{d("92233720368547758.07"), d("100"), d("1"), 0},
		// Results at the edge of int64.
		{d("922337203685477580.7"), d("10"), d("1"), 0},
		{d("-922337203685477580.8"), d("10"), d("1"), 0},
		{d("0"), d("86.9288"), d("1"), 2},
		{d("1e-30"), d("1"), d("1"), 2},
		{d("1e30"), d("86.9288"), d("1"), 2},
		{d("123456.78"), d("1"), d("86.9288"), 2},
		{d("123456.78"), d("86.9288"), d("1"), 2},
	}
	// Every CBR Nominal: the file's Value per 1, 10, 100, 1000 or 10000
	// units, as the rate Value/Nominal that ParseCBR builds.
	for _, nominal := range []int32{0, 1, 2, 3, 4} {
		rate := d("39.6011").Shift(-nominal) // hand: AMD-like value per 10^nominal
		cases = append(cases, in{d("1000.05"), rate, d("1"), 2}, in{d("1000.05"), d("1"), rate, 2},
			in{d("-0.01"), rate, d("1"), 2}, in{d("-0.01"), d("1"), rate, 2})
	}
	rng := rand.New(rand.NewPCG(12, 1))
	randDec := func(maxDigits int, signed bool) decimal.Decimal {
		c := rng.Int64N(int64(math.Pow10(rng.IntN(maxDigits) + 1)))
		if signed && rng.IntN(2) == 0 {
			c = -c
		}
		return decimal.New(c, int32(rng.IntN(13)-8))
	}
	for range 20000 {
		num, den := randDec(18, false), randDec(18, false)
		if num.IsZero() || den.IsZero() {
			continue
		}
		cases = append(cases, in{randDec(18, true), num, den, int32(rng.IntN(5))})
	}
	fast := 0
	for _, c := range cases {
		want := refConvert(c.v, c.num, c.den, c.places)
		got := finance.ConvertValue(c.v, c.num, c.den, c.places)
		slow := finance.ConvertValueDecimal(c.v, c.num, c.den, c.places)
		if !same(got, want) || !same(slow, want) {
			t.Fatalf("%s×%s/%s to %d places: integer path %s (exp %d), decimal path %s (exp %d), big.Rat %s",
				c.v, c.num, c.den, c.places, got, got.Exponent(), slow, slow.Exponent(), want)
		}
		if c.v.NumDigits() <= 18 && c.num.NumDigits() <= 18 && c.den.NumDigits() <= 18 {
			fast++
		}
	}
	if fast < len(cases)/2 {
		t.Errorf("only %d of %d cases had coefficients for the integer path", fast, len(cases))
	}
}

// TestConvertUnitsAgrees checks that the batch path gives, bit for bit,
// what Rate.Convert gives for each amount. issue 12 §1.
func TestConvertUnitsAgrees(t *testing.T) {
	on := date(2022, 2, 25)
	rng := rand.New(rand.NewPCG(13, 1))
	src := []int64{0, 1, -1, 2, -2, 5, 50, 12345678, math.MaxInt64, math.MinInt64, math.MaxInt64 / 100, math.MinInt64 / 100}
	for range 2000 {
		src = append(src, rng.Int64N(1<<uint(rng.IntN(62)+1))*int64(1-2*rng.IntN(2)))
	}
	var rates []finance.Rate
	for _, v := range []string{"86.9288", "0.0086", "1", "100", "0.5", "123456789012345678", "1234567890123456789.5", "0.00000000000000000001"} {
		rates = append(rates, mustRate(t, finance.USD, finance.RUB, v, on, exodus.Source{}))
	}
	// Every CBR Nominal, as ParseCBR reads it: JPY's 57,5032 per 100 yen,
	// and the same value per 1, 10, 1000 and 10000 units.
	for _, nominal := range []int32{0, 1, 2, 3, 4} {
		r, err := finance.NewRate(finance.JPY, finance.RUB, decimal.RequireFromString("57.5032").Shift(-nominal), on, finance.Official, exodus.Source{})
		if err != nil {
			t.Fatal(err)
		}
		rates = append(rates, r)
	}
	usd, rub := mustRate(t, finance.USD, finance.RUB, "86.9288", on, exodus.Source{}), mustRate(t, finance.GBP, finance.RUB, "116.8423", on, exodus.Source{})
	cross, err := finance.NewRates(usd, rub)
	if err != nil {
		t.Fatal(err)
	}
	x, err := cross.Find(finance.GBP, finance.USD, on)
	if err != nil {
		t.Fatal(err)
	}
	rates = append(rates, x, x.Inverse(), usd.Inverse())
	for _, r := range rates {
		for _, from := range []finance.Currency{r.Base(), r.Quote()} {
			to := r.Base()
			if from == to {
				to = r.Quote()
			}
			// The whole batch where every result fits int64, else one by one.
			dst := make([]int64, len(src))
			batchErr := r.ConvertUnits(dst, src, from)
			for i, u := range src {
				a := finance.NewAmount(decimal.New(u, -from.MinorUnits()), from)
				want, err := r.Convert(a)
				if err != nil {
					t.Fatal(err)
				}
				var one [1]int64
				err = r.ConvertUnits(one[:], src[i:i+1], from)
				if !want.Decimal().Coefficient().IsInt64() {
					if !errors.Is(err, finance.ErrRange) || batchErr == nil {
						t.Fatalf("%v: %d minor units of %v give %v beyond int64, but ConvertUnits: %v (batch: %v)", r, u, from, want, err, batchErr)
					}
					continue
				}
				if err != nil {
					t.Fatalf("%v.ConvertUnits(%d %v): %v", r, u, from, err)
				}
				if got := decimal.New(one[0], -to.MinorUnits()); !same(got, want.Decimal()) {
					t.Fatalf("%v: %d minor units of %v: ConvertUnits %s, Convert %s", r, u, from, got, want.Decimal())
				}
				if batchErr == nil && dst[i] != one[0] {
					t.Fatalf("%v: %d minor units of %v: %d in a batch, %d alone", r, u, from, dst[i], one[0])
				}
			}
		}
	}
}

func TestConvertUnitsErrors(t *testing.T) {
	on := date(2022, 2, 25)
	r := mustRate(t, finance.USD, finance.RUB, "100", on, exodus.Source{})
	dst := make([]int64, 2)
	for _, c := range []struct {
		name     string
		r        finance.Rate
		dst, src []int64
		from     finance.Currency
		want     error
	}{
		{"zero rate", finance.Rate{}, dst, []int64{1}, finance.USD, finance.ErrInvalidRate},
		{"short dst", r, dst[:1], []int64{1, 2}, finance.USD, finance.ErrRange},
		// hand: MaxInt64 cents ×100 is beyond int64 kopecks.
		{"overflow", r, dst, []int64{1, math.MaxInt64}, finance.USD, finance.ErrRange},
	} {
		err := c.r.ConvertUnits(c.dst, c.src, c.from)
		if !errors.Is(err, c.want) {
			t.Errorf("%s: ConvertUnits: %v, want %v", c.name, err, c.want)
		}
	}
	var mismatch *finance.MismatchError
	if err := r.ConvertUnits(dst, []int64{1}, finance.EUR); !errors.As(err, &mismatch) {
		t.Errorf("ConvertUnits from EUR with a USD/RUB rate: %v, want a *MismatchError", err)
	}
	// The overflow names the value and its index; results before it are
	// written. hand: 1 cent = 100 kopecks.
	dst = []int64{7, 7}
	err := r.ConvertUnits(dst, []int64{1, math.MaxInt64}, finance.USD)
	if err == nil || !strings.Contains(err.Error(), "(index 1)") || !strings.Contains(err.Error(), "9223372036854775807") {
		t.Errorf("error %v does not name index 1 and the value", err)
	}
	if dst[0] != 100 || dst[1] != 7 {
		t.Errorf("dst after overflow at index 1 = %v, want [100 7]", dst)
	}
}

// TestConvertAllocs is the allocation promise of issue 12 §1: at most two
// allocations for Rate.Convert and Rates.Convert (the result's coefficient)
// and none for ConvertUnits.
func TestConvertAllocs(t *testing.T) {
	on := date(2024, 11, 20)
	rates := finance.DefaultRates()
	r, err := rates.Find(finance.USD, finance.RUB, on)
	if err != nil {
		t.Fatal(err)
	}
	a := finance.MustParseAmount("123456.78 RUB")
	if n := testing.AllocsPerRun(100, func() { _, _ = r.Convert(a) }); n > 2 {
		t.Errorf("Rate.Convert: %v allocations, want at most 2", n)
	}
	if n := testing.AllocsPerRun(100, func() { _, _ = rates.Convert(a, finance.USD, on) }); n > 2 {
		t.Errorf("Rates.Convert: %v allocations, want at most 2", n)
	}
	src := []int64{12345678, -5, 0, 1 << 40}
	dst := make([]int64, len(src))
	if n := testing.AllocsPerRun(100, func() { _ = r.ConvertUnits(dst, src, finance.RUB) }); n != 0 {
		t.Errorf("ConvertUnits: %v allocations, want 0", n)
	}
}

// TestRatesConvertSeesAdd checks that a lookup remembered by a table is
// forgotten when the table changes: after Add and Replace, Convert uses the
// new quote. issue 12 §1 (the lookup memo).
func TestRatesConvertSeesAdd(t *testing.T) {
	on := date(2022, 2, 25)
	rates, err := finance.NewRates(mustRate(t, finance.USD, finance.RUB, "80", date(2022, 2, 20), exodus.Source{}))
	if err != nil {
		t.Fatal(err)
	}
	a := finance.MustParseAmount("1000 RUB")
	convert := func(want string) {
		t.Helper()
		for range 2 { // the second time from the memo
			got, err := rates.Convert(a, finance.USD, on)
			if err != nil {
				t.Fatal(err)
			}
			if got.String() != want {
				t.Fatalf("Convert(%v) = %v, want %s", a, got, want)
			}
		}
	}
	convert("12.50 USD") // hand: 1000/80
	if err := rates.Add(mustRate(t, finance.USD, finance.RUB, "100", date(2022, 2, 24), exodus.Source{})); err != nil {
		t.Fatal(err)
	}
	convert("10.00 USD") // hand: 1000/100
	if err := rates.Replace(mustRate(t, finance.USD, finance.RUB, "125", date(2022, 2, 24), exodus.Source{})); err != nil {
		t.Fatal(err)
	}
	convert("8.00 USD") // hand: 1000/125
}
