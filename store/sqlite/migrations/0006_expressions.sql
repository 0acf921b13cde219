-- The second part of the language layer: time expressions, quantities,
-- quotes and modality records, as one JSON object read whole with the
-- layer. They are replaced together with the rest of the layer.
ALTER TABLE annotations ADD COLUMN expressions TEXT NOT NULL DEFAULT '{}';
