-- No query of ours looks index rows up by match key (matching runs in memory) or links up by Salesforce Id (links
-- are joined on the source record). Each of these indexes took a random-order insert per record written: in a
-- first sync of a million records, about as much database time as the rows themselves.
DROP INDEX sf_record_index_match_idx;
DROP INDEX sf_link_sf_id_idx;
