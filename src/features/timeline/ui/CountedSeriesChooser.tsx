import { CHOICE_BASIS_TEXT, seriesName, type SeriesLookup, type TimepointSeries } from '../../../response';
import { useMeasurementStore } from '../../../state/measurementStore';

interface Props {
  choice: TimepointSeries;
  lookup: SeriesLookup;
}

/** Which series counts at a timepoint and why; a choice when values come from more than one. */
export function CountedSeriesChooser({ choice, lookup }: Props) {
  if (choice.counted === null) return null;
  const name = (seriesKey: string) => seriesName({ seriesKey, modality: lookup(seriesKey)?.modality ?? '', seriesDescription: lookup(seriesKey)?.description ?? '' });
  const why = <span className="muted" data-testid="counted-basis"> ({CHOICE_BASIS_TEXT[choice.basis]})</span>;
  if (choice.seriesKeys.length < 2) {
    return (
      <div className="counted-series" data-testid="counted-series">
        Counts: <span data-testid="counted-series-name">{name(choice.counted)}</span>
        {why}
      </div>
    );
  }
  return (
    <div className="counted-series" data-testid="counted-series">
      <label>
        Counts:{' '}
        <select
          data-testid="counted-series-select"
          value={choice.counted}
          onChange={(e) => useMeasurementStore.getState().setCountedSeries(choice.studyInstanceUid, e.target.value)}
        >
          {choice.seriesKeys.map((key) => (
            <option key={key} value={key}>
              {name(key)}
            </option>
          ))}
        </select>
      </label>
      {why}
    </div>
  );
}
