-- Notices name their ticket, and the list links to it: the address written into older ones goes
update inbox_item set text = regexp_replace(text, '\s*\(https?://[^)\s]*\)', '', 'g') where text ~ '\(https?://';
