package finance

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/exodus-lab/exodus"
	"github.com/shopspring/decimal"
)

// one is the decimal 1; decimals are immutable, so sharing it is safe.
var one = decimal.NewFromInt(1)

// ErrNoRate is wrapped by the errors of [Rates.Find] and [Rates.Convert]
// when no rate applies; those errors are of type *[RateError].
var ErrNoRate = errors.New("no exchange rate")

// ErrDuplicateRate is wrapped by the error [Rates.Add] returns for a second,
// different quote of the same pair on the same day.
var ErrDuplicateRate = errors.New("duplicate exchange rate")

// A RateError reports that no rate converts From to To on a day. It wraps
// [ErrNoRate].
type RateError struct {
	From, To Currency  // the conversion asked for
	On       time.Time // the day asked for, midnight UTC
	MaxAge   int       // the staleness limit in force, in days (0: none, with AnyAge)
	// Latest is the date of the newest rate that was found but rejected as
	// too old; zero if no rate on or before On exists.
	Latest time.Time
}

// Error returns "finance: no USD/RUB rate on or before 2022-02-03", adding
// " within N days (latest is …)" when a rate exists but is too old.
func (e *RateError) Error() string {
	s := fmt.Sprintf("finance: no %v/%v rate on or before %s", e.From, e.To, dayString(e.On))
	if !e.Latest.IsZero() {
		s += " within " + plural(max(e.MaxAge, 0), "day") + " (latest is " + dayString(e.Latest) + ")"
	}
	return s
}

// Unwrap returns [ErrNoRate].
func (e *RateError) Unwrap() error { return ErrNoRate }

// DefaultMaxAge is how many days old a rate may be, by default, on the day
// a lookup asks for: [Rates.Find], [Rates.Convert], [Rates.Exchange] and
// [Rates.Average] refuse an older one unless [FindOptions] says otherwise.
//
// It is long enough for the Central Bank of Russia's longest regular gap,
// the New Year holidays, with a margin: in the CBR's own export of its USD
// rates (RC_F01_07_1992_T02_07_2022), the rate dated 30.12.2017 is followed
// by 10.01.2018, 30.12.2018 by 10.01.2019, 01.01.2021 by 12.01.2021 and
// 31.12.2021 by 11.01.2022, so a rate is at most 10 days old on the last
// day it is in force. Two weeks also spans every weekend and public
// holiday, and refuses the three-week-old rates that converted GBP on
// 2022-02-25 at the rate of 04.02.2022 before the invasion (issue 9).
const DefaultMaxAge = 14

// FindOptions tunes [Rates.FindWith], [Rates.ConvertWith],
// [Rates.ExchangeWith] and [Rates.AverageWith]. The zero value gives the
// behaviour of [Rates.Find], [Rates.Convert], [Rates.Exchange] and
// [Rates.Average]: rates up to [DefaultMaxAge] days old, crossed through any
// currency.
type FindOptions struct {
	// MaxAge is how many days old a rate may be on the day asked for, as
	// [Rate.Age] counts them (for a cross rate, the age of its older leg).
	// Zero means [DefaultMaxAge]; a negative value accepts only a rate
	// dated that very day.
	MaxAge int
	// AnyAge accepts a rate of any age, however stale; MaxAge is then
	// ignored. Set it only where the age is shown beside the result.
	AnyAge bool
	// Via lists the currencies a cross rate may go through, in order of
	// preference. Nil means every currency, preferring RUB, then EUR, then
	// USD, then the others in code order; an empty non-nil slice allows no
	// cross rate, only direct and inverse quotes.
	Via []Currency
}

// defaultVia is the preference order of common currencies for cross rates.
var defaultVia = [...]Currency{RUB, EUR, USD}

type pair struct{ base, quote Currency }

// Rates is a table of dated exchange rates. It is safe for concurrent use:
// [Rates.Add] may run while other goroutines call [Rates.Find] and
// [Rates.Convert]. The zero Rates is an empty table ready to use; a Rates
// must not be copied after first use.
//
// A nil *Rates reads as an empty table: [Rates.Find], [Rates.FindWith],
// [Rates.Convert] and [Rates.ConvertWith] return a *[RateError] wrapping
// [ErrNoRate] (or the exact rate 1 between a currency and itself),
// [Rates.Len] returns 0 and [Rates.All] nil. [Rates.Add] and
// [Rates.Replace] on a nil *Rates return an error, since there is no table
// to add to: start from [NewRates] or new(Rates).
//
// # Which rate applies
//
// A rate dated D applies from D until the next rate of the same pair. So
// [Rates.Find] returns, for a day, the latest rate dated on or before it,
// never a later one, and never silently falls back to a date after the day.
// By default a rate more than [DefaultMaxAge] (14) days old is refused
// with a *[RateError] naming the latest rate's date; [FindOptions.MaxAge]
// sets another limit, [FindOptions.AnyAge] allows any age, and [Rate.Age]
// tells how old a rate found is:
//
//	r, err := rates.FindWith(finance.GBP, finance.RUB, day, finance.FindOptions{MaxAge: 7})
//	// err is a *RateError naming the latest rate's date when it is older.
//
// A rate is found directly (the pair as quoted), as the inverse of the
// opposite quote, or crossed through one common currency (for Central Bank
// of Russia data, through RUB: USD→RUB→GBP). Among these, Find takes the
// freshest (a cross rate is as old as its older leg); on a tie, a direct
// quote beats an inverse, which beats a cross rate; cross rates prefer RUB,
// EUR, USD, then other currencies in code order.
type Rates struct {
	mu    sync.RWMutex
	pairs map[pair][]Rate                // quotes of each pair, sorted by date
	links map[Currency]map[Currency]bool // currencies quoted against each currency
	// days holds the dates of the quotes involving each currency, sorted
	// and distinct. No cross rate on day d can be fresher than the latest
	// of these on or before d for either currency, so a lookup whose direct
	// or inverse quote is that fresh skips the cross rates (see best).
	days map[Currency][]time.Time
	// gen counts the changes of the table; memo remembers recent lookups
	// with the default Via, each valid while gen is unchanged. The quotes
	// a remembered candidate points to are never modified (add builds new
	// slices), so it may be used without the lock.
	gen  atomic.Uint64
	memo [memoSize]atomic.Pointer[memoEntry]
}

// memoSize is the number of lookups a Rates remembers: enough for the
// pairs and days of a typical report, small beside the table itself.
const memoSize = 64

// A memoEntry is a remembered lookup: the best candidate from→to on a day.
type memoEntry struct {
	from, to Currency
	sec      int64 // d.Unix()
	gen      uint64
	best     candidate
	num, den decimal.Decimal // best.ratio(), if best.valid
}

// lookup returns the best candidate from→to on d, and its exact value if
// found, from the memo when via is nil and the table has not changed since
// it was remembered.
func (t *Rates) lookup(from, to Currency, d time.Time, via []Currency) (best candidate, num, den decimal.Decimal) {
	if via != nil {
		t.mu.RLock()
		best = t.best(from, to, d, via)
		t.mu.RUnlock()
		if best.valid {
			num, den = best.ratio()
		}
		return best, num, den
	}
	sec := d.Unix()
	h := (uint64(from)<<16 | uint64(to)) ^ uint64(sec)*0x9e3779b97f4a7c15
	slot := &t.memo[(h^h>>32)%memoSize]
	if e := slot.Load(); e != nil && e.sec == sec && e.from == from && e.to == to && e.gen == t.gen.Load() {
		return e.best, e.num, e.den
	}
	t.mu.RLock()
	best = t.best(from, to, d, nil)
	e := &memoEntry{from: from, to: to, sec: sec, gen: t.gen.Load(), best: best}
	t.mu.RUnlock()
	if best.valid {
		e.num, e.den = best.ratio()
	}
	slot.Store(e)
	return best, e.num, e.den
}

// NewRates returns a table holding rates. See [Rates.Add] for the errors.
func NewRates(rates ...Rate) (*Rates, error) {
	t := new(Rates)
	if err := t.Add(rates...); err != nil {
		return nil, err
	}
	return t, nil
}

// Add adds rates to the table. Adding a rate equal to one already present
// (same pair, day, value and source) does nothing. A different rate for the
// same pair on the same day, including the same value from another source,
// gives an error wrapping [ErrDuplicateRate], since the table keeps one
// quote per pair and day and would otherwise lose a value or a citation;
// use [Rates.Replace] to let the new rate win. The zero Rate gives an error
// wrapping [ErrInvalidRate], and so do a rate between a currency and itself
// (the rate of 1 that [Rates.Find] returns) and a computed rate (an inverse or a
// cross rate from [Rates.Find], see [Rate.IsQuoted]): the table holds
// quoted rates only and derives the others itself, so add the quotes of its
// [Rate.Chain] instead. On error nothing is added. Add on a nil *Rates
// returns an error and adds nothing.
func (t *Rates) Add(rates ...Rate) error {
	return t.add(rates, false)
}

// Replace is [Rates.Add], except that a rate for a pair and day the table
// already has replaces the quote there instead of giving an error. Use it
// when a better source supersedes a table's rates, such as the CBR's own
// file for days that [DefaultRates] holds from news reports or test
// fixtures: Add refuses those with [ErrDuplicateRate] even where the value
// is the same, because the citation differs. Two different rates of one
// pair and day within rates still give an error wrapping
// [ErrDuplicateRate]; the zero Rate and a computed rate give one wrapping
// [ErrInvalidRate], as for Add. On
// error nothing changes. Replace on a nil *Rates returns an error.
//
// To drop rates rather than replace them, build a new table from the
// [Rates.All] you keep.
func (t *Rates) Replace(rates ...Rate) error {
	return t.add(rates, true)
}

func (t *Rates) add(rates []Rate, replace bool) error {
	if t == nil {
		return errNilRates
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.pairs == nil {
		t.pairs = make(map[pair][]Rate)
		t.links = make(map[Currency]map[Currency]bool)
		t.days = make(map[Currency][]time.Time)
	}
	// Validate everything first so that a failed Add changes nothing.
	byDate := func(x Rate, on time.Time) int { return x.on.Compare(on) }
	pending := make(map[pair][]Rate)
	for _, r := range rates {
		if r.base == 0 {
			return fmt.Errorf("finance: add the zero Rate: %w", ErrInvalidRate)
		}
		if r.chain != nil {
			return fmt.Errorf("finance: add %v: a table holds quoted rates only; add its Chain() instead: %w", r, ErrInvalidRate)
		}
		if r.base == r.quote {
			// The rate of 1 that Find returns, or read back from its JSON:
			// not a quote, and NewRate refuses to make one.
			return fmt.Errorf("finance: add %v: base and quote are the same: %w", r, ErrInvalidRate)
		}
		k := pair{r.base, r.quote}
		pending[k] = append(pending[k], r)
	}
	for k, p := range pending {
		slices.SortStableFunc(p, func(a, b Rate) int { return a.on.Compare(b.on) })
		out := p[:0]
		for _, r := range p {
			if n := len(out); n > 0 && out[n-1].on.Equal(r.on) {
				if !out[n-1].Equal(r) {
					return duplicate(r, out[n-1])
				}
				continue
			}
			if i, found := slices.BinarySearchFunc(t.pairs[k], r.on, byDate); found && !replace && !t.pairs[k][i].Equal(r) {
				return duplicate(r, t.pairs[k][i])
			}
			out = append(out, r)
		}
		pending[k] = out
	}
	// Merge each sorted batch into the sorted quotes of its pair.
	for k, p := range pending {
		old := t.pairs[k]
		merged := make([]Rate, 0, len(old)+len(p))
		i, j := 0, 0
		for i < len(old) || j < len(p) {
			switch {
			case j == len(p) || (i < len(old) && old[i].on.Before(p[j].on)):
				merged = append(merged, old[i])
				i++
			case i == len(old) || p[j].on.Before(old[i].on):
				merged = append(merged, p[j])
				j++
			case replace: // same day: the new rate wins
				merged = append(merged, p[j])
				i, j = i+1, j+1
			default: // same day: the rates are equal (checked above)
				merged = append(merged, old[i])
				i, j = i+1, j+1
			}
		}
		t.pairs[k] = merged
		for _, c := range [2]Currency{k.base, k.quote} {
			t.days[c] = mergeDays(t.days[c], p)
		}
		t.link(k.base, k.quote)
		t.link(k.quote, k.base)
	}
	t.gen.Add(1)
	return nil
}

// errNilRates is returned by Add on a nil *Rates: a programming error, not a
// kind of data problem that callers branch on, so it has no exported
// sentinel.
var errNilRates = errors.New("finance: add to a nil *Rates: make the table with NewRates or new(Rates)")

// duplicate returns the error for adding r where have, a different rate of
// the same pair and day, is already present. When only the sources differ
// it says so, since the values alone look the same.
//
// The message stays short, whatever the sources' notes say, and names the
// remedy: a caller who adds an official file to [DefaultRates] meets it on
// every day the two overlap.
func duplicate(r, have Rate) error {
	if r.num.Mul(have.den).Equal(have.num.Mul(r.den)) && r.src != have.src {
		return fmt.Errorf("finance: add %v: the table has the same value from another source (%s); use Rates.Replace to let the new rate win: %w", r, shortSource(have.src), ErrDuplicateRate)
	}
	return fmt.Errorf("finance: add %v: the table has %s/%s %s on that day (%s); use Rates.Replace to let the new rate win: %w", r, have.base, have.quote, have.Decimal(), shortSource(have.src), ErrDuplicateRate)
}

// shortSource names a source in a line: its publisher and date, or "no
// source".
func shortSource(s exodus.Source) string {
	switch {
	case s.Publisher == "" && s.Title == "":
		return "no source"
	case s.Publisher == "":
		return s.Title
	case s.Date == "":
		return s.Publisher
	}
	return s.Publisher + ", " + s.Date
}

func (t *Rates) link(a, b Currency) {
	m := t.links[a]
	if m == nil {
		m = make(map[Currency]bool)
		t.links[a] = m
	}
	m[b] = true
}

// Len returns the number of quoted rates in the table; 0 for a nil *Rates.
func (t *Rates) Len() int {
	if t == nil {
		return 0
	}
	t.mu.RLock()
	defer t.mu.RUnlock()
	n := 0
	for _, l := range t.pairs {
		n += len(l)
	}
	return n
}

// All returns every quoted rate in the table, sorted by date, then base,
// then quote; nil for an empty table or a nil *Rates.
func (t *Rates) All() []Rate {
	if t == nil {
		return nil
	}
	t.mu.RLock()
	var out []Rate
	for _, l := range t.pairs {
		out = append(out, l...)
	}
	t.mu.RUnlock()
	slices.SortFunc(out, func(a, b Rate) int {
		return cmp.Or(a.on.Compare(b.on), cmp.Compare(a.base, b.base), cmp.Compare(a.quote, b.quote))
	})
	return out
}

// Find returns the rate that converts from into to on the day of on (its
// calendar date in its own location): the latest rate dated on or before
// that day, found directly, as an inverse or crossed through a common
// currency, at most [DefaultMaxAge] days old. See [Rates] for the rules and
// [Rates.FindWith] for another limit.
//
// If from equals to (a currency of the ISO 4217 list), Find returns a rate
// of exactly 1 dated on, [Official], with no source, or an error wrapping
// [ErrInvalidRate] if that day is not one a rate may carry (see [NewRate]).
// If no rate applies, or only an older one, it returns a *[RateError]
// wrapping [ErrNoRate].
func (t *Rates) Find(from, to Currency, on time.Time) (Rate, error) {
	return t.FindWith(from, to, on, FindOptions{})
}

// FindWith is [Rates.Find] with options.
func (t *Rates) FindWith(from, to Currency, on time.Time, opt FindOptions) (Rate, error) {
	d := day(on)
	if from == to && from.known() {
		if !validDay(d) {
			return Rate{}, fmt.Errorf("finance: find %v/%v on %s: the day is not in the years 0001 to 9999 (0001-01-01 means no date): %w", from, to, dayString(d), ErrInvalidRate)
		}
		return Rate{base: from, quote: to, num: one, den: one, on: d, basis: Official}, nil
	}
	if t == nil {
		return Rate{}, checkFound(candidate{}, from, to, d, opt)
	}
	best, _, _ := t.lookup(from, to, d, opt.Via)
	var r Rate
	if best.valid {
		r = best.rate()
	}
	if err := checkFound(best, from, to, d, opt); err != nil {
		return Rate{}, err
	}
	return r, nil
}

// A leg is a quoted rate in the table, used as is or inverted.
type leg struct {
	q   *Rate // points into Rates.pairs; valid while the lock is held
	inv bool
}

func (l leg) rate() Rate {
	if l.inv {
		return l.q.Inverse()
	}
	return *l.q
}

// A candidate is a way to find a rate: one leg, or two legs crossed.
// Building the Rate is left until the best candidate is known.
type candidate struct {
	a, b  leg       // b.q is nil for a single leg
	age   time.Time // the date that counts for freshness
	rank  int       // 0 direct, 1 inverse, 2+ cross (by preference)
	valid bool
}

func (c candidate) better(than candidate) bool {
	if !than.valid {
		return true
	}
	if c.age.Equal(than.age) {
		return c.rank < than.rank
	}
	return c.age.After(than.age)
}

func (c candidate) rate() Rate {
	if c.b.q == nil {
		return c.a.rate()
	}
	return cross(c.a.rate(), c.b.rate())
}

// mergeDays returns the sorted distinct dates of days and of the rates p,
// which are sorted by date.
func mergeDays(days []time.Time, p []Rate) []time.Time {
	out := make([]time.Time, 0, len(days)+len(p))
	i, j := 0, 0
	for i < len(days) || j < len(p) {
		var next time.Time
		if j == len(p) || (i < len(days) && days[i].Before(p[j].on)) {
			next, i = days[i], i+1
		} else {
			next, j = p[j].on, j+1
		}
		if n := len(out); n == 0 || !out[n-1].Equal(next) {
			out = append(out, next)
		}
	}
	return out
}

// latestDay returns the latest of the sorted days on or before d, or the
// zero time.
func latestDay(days []time.Time, d time.Time) time.Time {
	i, found := slices.BinarySearchFunc(days, d, time.Time.Compare)
	if found {
		return days[i]
	}
	if i == 0 {
		return time.Time{}
	}
	return days[i-1]
}

// latest returns the latest quote of the pair dated on or before d, or nil.
func (t *Rates) latest(k pair, d time.Time) *Rate {
	list := t.pairs[k]
	i, found := slices.BinarySearchFunc(list, d, func(x Rate, on time.Time) int { return x.on.Compare(on) })
	if found {
		return &list[i]
	}
	if i == 0 {
		return nil
	}
	return &list[i-1]
}

// oneLeg returns the best direct or inverse quote from→to on d.
func (t *Rates) oneLeg(from, to Currency, d time.Time) candidate {
	var best candidate
	if r := t.latest(pair{from, to}, d); r != nil {
		best = candidate{a: leg{q: r}, age: r.on, rank: 0, valid: true}
	}
	if r := t.latest(pair{to, from}, d); r != nil {
		c := candidate{a: leg{q: r, inv: true}, age: r.on, rank: 1, valid: true}
		if c.better(best) {
			best = c
		}
	}
	return best
}

// best returns the freshest candidate from→to on d. The caller holds the
// read lock.
func (t *Rates) best(from, to Currency, d time.Time, via []Currency) candidate {
	best := t.oneLeg(from, to, d)
	if best.valid {
		// A cross rate is as old as its older leg, and each leg is at
		// most as new as the newest quote of its currency; a cross rate
		// wins only if strictly fresher, so none can beat this one.
		bound := latestDay(t.days[from], d)
		if bt := latestDay(t.days[to], d); bt.Before(bound) {
			bound = bt
		}
		if !best.age.Before(bound) {
			return best
		}
	}
	consider := func(x Currency, rank int) {
		if x == from || x == to {
			return
		}
		a := t.oneLeg(from, x, d)
		if !a.valid {
			return
		}
		b := t.oneLeg(x, to, d)
		if !b.valid {
			return
		}
		age := a.age
		if b.age.Before(age) {
			age = b.age
		}
		c := candidate{a: a.a, b: b.a, age: age, rank: rank, valid: true}
		if c.better(best) {
			best = c
		}
	}
	if via != nil {
		for i, x := range via {
			consider(x, 2+i)
		}
		return best
	}
	for i, x := range defaultVia {
		consider(x, 2+i)
	}
	// Other common neighbours, in code order.
	small, large := t.links[from], t.links[to]
	if len(large) < len(small) {
		small, large = large, small
	}
	var buf [16]Currency
	others := buf[:0]
	for x := range small {
		if large[x] && !slices.Contains(defaultVia[:], x) {
			others = append(others, x)
		}
	}
	slices.Sort(others) // Currency values sort in code order
	for i, x := range others {
		consider(x, 2+len(defaultVia)+i)
	}
	return best
}

// Convert converts a into currency to at the rate [Rates.Find] returns for
// the day of on, at most [DefaultMaxAge] days old. The result is computed
// exactly from the quoted rates and
// rounded once, half to even, to the minor units of to: whole units for a
// currency to which ISO 4217 gives none, such as XDR or a withdrawn code
// (see [Currency.MinorUnits]); [Rates.Find] and [Rate.Decimal] give the rate
// for other precisions. An amount already in
// to (a currency of the ISO 4217 list) is only rounded. With no rate it
// returns a *[RateError] wrapping [ErrNoRate]; it never falls back to another
// date or rate. An amount out of range gives an error wrapping [ErrRange].
func (t *Rates) Convert(a Amount, to Currency, on time.Time) (Amount, error) {
	return t.ConvertWith(a, to, on, FindOptions{})
}

// ConvertWith is [Rates.Convert] with options.
func (t *Rates) ConvertWith(a Amount, to Currency, on time.Time, opt FindOptions) (Amount, error) {
	if a.cur == to && to.known() {
		return a.Round(), nil
	}
	// As FindWith, but without building the Rate and its chain: only the
	// exact ratio of the winning legs is needed.
	d := day(on)
	if t == nil {
		return Amount{}, checkFound(candidate{}, a.cur, to, d, opt)
	}
	best, num, den := t.lookup(a.cur, to, d, opt.Via)
	if err := checkFound(best, a.cur, to, d, opt); err != nil {
		return Amount{}, err
	}
	if err := a.checkRange("convert"); err != nil {
		return Amount{}, err
	}
	return Amount{val: convertValue(a.val, num, den, to.MinorUnits()), cur: to}, nil
}

// ratio returns the exact value num/den of the candidate's rate, from its
// base to its quote: enough to convert, without building the Rate.
func (c candidate) ratio() (num, den decimal.Decimal) {
	num, den = c.a.q.num, c.a.q.den
	if c.a.inv {
		num, den = den, num
	}
	if c.b.q == nil {
		return num, den
	}
	bn, bd := c.b.q.num, c.b.q.den
	if c.b.inv {
		bn, bd = bd, bn
	}
	return num.Mul(bn), den.Mul(bd)
}

// maxAge returns the age limit opt sets, in days: -1 for none.
func (opt FindOptions) maxAge() int {
	switch {
	case opt.AnyAge:
		return -1
	case opt.MaxAge == 0:
		return DefaultMaxAge
	case opt.MaxAge < 0:
		return 0
	}
	return opt.MaxAge
}

// checkFound returns the *RateError for a missing or too old candidate.
func checkFound(best candidate, from, to Currency, d time.Time, opt FindOptions) error {
	limit := opt.maxAge()
	reported := limit
	if limit < 0 {
		reported = 0
	} else if opt.MaxAge < 0 {
		reported = opt.MaxAge
	}
	if !best.valid {
		return &RateError{From: from, To: to, On: d, MaxAge: reported}
	}
	if age := daysBetween(best.age, d); limit >= 0 && age > int64(limit) {
		return &RateError{From: from, To: to, On: d, MaxAge: reported, Latest: best.age}
	}
	return nil
}

// plural returns "1 day", "2 days".
func plural(n int, unit string) string {
	if n == 1 {
		return "1 " + unit
	}
	return fmt.Sprintf("%d %ss", n, unit)
}
