package workforce

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"sync"

	"github.com/exodus-lab/exodus"
	"github.com/exodus-lab/exodus/estimate"
)

// A DestinationFigure is one sourced figure about emigrants in a
// destination: a number of persons (the figures of
// [DefaultDestinationRanges] and [DefaultDestinationTotal]) or a fraction
// of emigrants (the context figures, such as [MovedOnShare]). Definitions
// differ from figure to figure (entries, residence permits, net
// migration, repatriation, survey shares) and are not additive: read
// Period and Definition before comparing two figures.
type DestinationFigure struct {
	// Destination is the country; the zero Destination means all
	// countries together.
	Destination Destination
	// Value is persons, or a fraction in [0, 1] for a share.
	Value float64
	// Period is the period or date the figure covers, as the source
	// states it, such as "2022" or "Feb 2022 – 2023/24".
	Period string
	// Definition says what is counted, such as "first residence permits".
	Definition string
	// Source is the publisher, title, date and URL; its Note says how the
	// figure was read or computed from the document.
	Source exodus.Source
}

// A DestinationRange is what the sources say about one destination: a
// central figure (The Bell, July 2024, one method for about 70 countries)
// and the lowest and highest figures other sources give. Where no other
// source was found, Low and High repeat the central figure.
type DestinationRange struct {
	Destination        Destination       // the country
	Low, Central, High DestinationFigure // the lowest, The Bell's and the highest figure
}

// MixedDefinitions reports whether the three figures count different
// things (for Turkey, settled people against residence permits against a
// survey estimate), so that the range is a conflict between definitions
// as much as between sources.
func (r DestinationRange) MixedDefinitions() bool {
	return r.Low.Definition != r.Central.Definition || r.High.Definition != r.Central.Definition
}

// Estimate returns the range as an uncertain count: PERT(Low, Central,
// High), the central figure being the most likely, or a point when the
// three are equal. Its sources are those of the three figures.
func (r DestinationRange) Estimate() estimate.Estimate {
	src := dedupe([]exodus.Source{r.Central.Source, r.Low.Source, r.High.Source})
	lo, c, hi := r.Low.Value, r.Central.Value, r.High.Value
	var e estimate.Estimate
	var err error
	if lo == hi {
		e, err = estimate.Point(c)
	} else {
		e, err = estimate.PERT(lo, c, hi)
	}
	if err != nil { // cannot happen for the embedded data (tested)
		return estimate.Estimate{}
	}
	return e.Named(r.Destination.Name()).WithSources(src...)
}

type destData struct {
	total  DestinationFigure
	ranges []DestinationRange
}

var loadDestinations = sync.OnceValue(func() *destData {
	b, err := dataFS.ReadFile("data/destinations.csv")
	if err == nil {
		var d *destData
		if d, err = parseDestinations(b); err == nil {
			return d
		}
	}
	panic("workforce: embedded destinations: " + err.Error()) // caught by the tests
})

func parseDestinations(b []byte) (*destData, error) {
	r := csv.NewReader(bytes.NewReader(b))
	r.Comment = '#'
	r.FieldsPerRecord = 10
	if _, err := r.Read(); err != nil { // header
		return nil, err
	}
	d := &destData{}
	at := map[Destination]int{}
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		v, err := strconv.ParseFloat(rec[2], 64)
		if err != nil || !(v >= 0) {
			return nil, fmt.Errorf("persons %q: %w", rec[2], ErrBadValue)
		}
		f := DestinationFigure{Value: v, Period: rec[3], Definition: rec[4],
			Source: exodus.Source{Publisher: rec[5], Title: rec[6], Date: rec[7], URL: rec[8], Note: rec[9]}}
		if err := f.Source.Validate(); err != nil {
			return nil, err
		}
		if rec[0] == "*" {
			d.total = f
			continue
		}
		if f.Destination, err = ParseDestination(rec[0]); err != nil {
			return nil, err
		}
		k, ok := at[f.Destination]
		if !ok {
			k = len(d.ranges)
			at[f.Destination] = k
			d.ranges = append(d.ranges, DestinationRange{Destination: f.Destination})
		}
		switch rec[1] {
		case "central":
			d.ranges[k].Central = f
		case "low":
			d.ranges[k].Low = f
		case "high":
			d.ranges[k].High = f
		default:
			return nil, fmt.Errorf("bound %q: %w", rec[1], ErrUnknownCode)
		}
	}
	for _, g := range d.ranges {
		if !(g.Low.Value <= g.Central.Value && g.Central.Value <= g.High.Value) || g.Central.Source.IsZero() || g.Low.Source.IsZero() || g.High.Source.IsZero() {
			return nil, fmt.Errorf("destination %v: low %v, central %v, high %v: %w", g.Destination, g.Low.Value, g.Central.Value, g.High.Value, ErrInconsistent)
		}
	}
	return d, nil
}

// DefaultDestinationRanges returns the default destination data: for
// Armenia, Kazakhstan, Israel, Georgia, the United States, Germany,
// Serbia, Turkey, South Korea, Latvia, Spain and [OtherDestinations], in
// that order, The Bell's count of the emigrants who settled there (July
// 2024) as the central figure, and the lowest and highest figures of
// other host-country statistics and estimates, each with its source,
// period and definition (workforce/data/destinations.csv, from the
// project's destinations.md). The central figures add up to
// [DefaultDestinationTotal], 650,000.
//
// The ranges mix definitions (see [DestinationRange.MixedDefinitions]):
// Turkey runs from The Bell's 28,000 to ZOiS's 180,000, with valid
// residence permits (154,000 in January 2023, about 101,000 in December
// 2023) in between; Georgia's high is the Interior Ministry's entries
// minus exits for January–September 2022 (112,700); the United States'
// low is a year of border encounters, Germany's and Spain's one year of
// first residence permits. South Korea, Latvia and "other" have no source
// besides The Bell, so no range; "other" holds Kyrgyzstan (20,000
// registered to over 170,000 by ZOiS), Montenegro, Finland, Cyprus,
// Uzbekistan, Thailand and the rest, and not the UAE, which The Bell does
// not count and for which no stock figure was found.
//
// The slice is new on every call.
func DefaultDestinationRanges() []DestinationRange {
	return slices.Clone(loadDestinations().ranges)
}

// DefaultDestinationRange returns the range of [DefaultDestinationRanges]
// for d, and false for a destination without one (such as Kyrgyzstan,
// which the default counts in [OtherDestinations]).
func DefaultDestinationRange(d Destination) (DestinationRange, bool) {
	for _, r := range loadDestinations().ranges {
		if r.Destination == d {
			return r, true
		}
	}
	return DestinationRange{}, false
}

// DefaultDestinationTotal returns The Bell's total of Russians who left
// after February 2022 and remained abroad: at least 650,000 (July 2024),
// the total the central figures of [DefaultDestinationRanges] add up to.
// Re:Russia estimated 820,000–920,000 had left by mid-2023 (a count of
// departures, not of those who stayed); to use such a total, keep the
// named countries and put the difference (181,000–281,000) in "other".
func DefaultDestinationTotal() DestinationFigure {
	return loadDestinations().total
}

// DefaultDestinationMix returns the default destination composition of
// [DefaultDestinationRanges] as counts scaled to the scenario's total
// ([NewDestinationCounts]): each country's count is PERT(low, central,
// high), or the central figure where there is no range. Its point shares
// are the central figures' shares of 650,000 (Armenia 16.9%, Kazakhstan
// and Israel 12.3%, Georgia 11.3%, …, other 17.2%), not the PERT means.
func DefaultDestinationMix() DestinationMix {
	rs := loadDestinations().ranges
	dests := make([]Destination, len(rs))
	counts := make([]estimate.Estimate, len(rs))
	central := make([]float64, len(rs))
	for i, r := range rs {
		dests[i], counts[i], central[i] = r.Destination, r.Estimate(), r.Central.Value
	}
	m, err := NewDestinationCounts(dests, counts)
	if err != nil { // cannot happen for the embedded data (tested)
		return DestinationMix{}
	}
	m.point = normalised(central)
	m.name = "The Bell (July 2024), ranges from host-country statistics"
	return m
}

// The context the sources give, not model inputs.

func outRushSource() exodus.Source {
	return exodus.Source{
		Publisher: "OutRush (Kamalov, Nugumanova, Sergeeva), via Apsny.ge",
		Title:     "Значительная часть российских эмигрантов, прибывших в Грузию, покинула страну…",
		Date:      "2025-09-16",
		URL:       "https://www.apsny.ge/2025/pol/1758042872.php",
		Note:      "OutRush longitudinal online panel 2023–2024 (8,590 respondents, July–November 2024); non-probability sample; report: https://outrush.io/report_march_2025_eng",
	}
}

// MovedOnShare returns the share of emigrants who moved on to another
// country between 2023 and 2024: 21% of OutRush's panel. It is context for
// a destination table (people counted in a host country a year earlier
// may have left it), not a model input.
func MovedOnShare() DestinationFigure {
	return DestinationFigure{
		Value: 0.21, Period: "2023–2024",
		Definition: "share of panel respondents who moved to another country between the 2023 and 2024 waves",
		Source:     outRushSource(),
	}
}

// MovedOnByCountry returns, for Turkey, Georgia, Armenia, Kazakhstan and
// Montenegro, the share of OutRush's respondents in that first host
// country who later left it: Turkey over 57% (Value is the lower bound
// 0.57), Georgia 32%, Armenia 28%, Kazakhstan 22%, Montenegro 33%. Context,
// not a model input. The slice is new on every call.
func MovedOnByCountry() []DestinationFigure {
	def := "share of panel respondents in this first host country who left it, 2023–2024"
	out := []DestinationFigure{
		{Destination: Turkey, Value: 0.57},
		{Destination: Georgia, Value: 0.32},
		{Destination: Armenia, Value: 0.28},
		{Destination: Kazakhstan, Value: 0.22},
		{Destination: Montenegro, Value: 0.33},
	}
	for i := range out {
		out[i].Period, out[i].Definition, out[i].Source = "2023–2024", def, outRushSource()
	}
	out[0].Definition += " (the source says \"over 57%\": a lower bound)"
	return out
}

// ReturnedShare returns the share of emigrants who had returned to Russia
// by early 2024: about 10% in RANEPA's survey (Institute of Applied
// Economic Research, February–March 2024, n = 3,459 online, a
// non-probability sample, reported by Vedomosti). OutRush found 8% returned
// between summer 2023 and summer 2024 (Novaya Gazeta Europe, 30 Mar 2025).
// Context, not a model input.
func ReturnedShare() DestinationFigure {
	return DestinationFigure{
		Value: 0.10, Period: "since 2022, surveyed February–March 2024",
		Definition: "share of respondents who had left Russia since 2022 and returned",
		Source: exodus.Source{
			Publisher: "RANEPA Institute of Applied Economic Research, reported by Vedomosti, via news-pravda.com",
			Title:     "10% der Relocants sind nach Russland zurückgekehrt",
			Date:      "2025-02-07",
			URL:       "https://germany.news-pravda.com/world/2025/02/07/29486.html",
			Note:      "a pro-Kremlin mirror of a Vedomosti report; OutRush: 8% returned between summer 2023 and summer 2024, https://novayagazeta.eu/articles/2025/03/30/vozvrashchenie-v-rossiiu-vsio-nachinat-snachala",
		},
	}
}

func normalised(v []float64) []float64 {
	var s kahan
	for _, x := range v {
		s.add(x)
	}
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = x / s.value()
	}
	return out
}
