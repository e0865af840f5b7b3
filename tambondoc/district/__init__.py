"""A district office's year: the district's documents from its district.yaml and its tambons'
plans (the ศอช. orders and announcements, the report to the province, the district needs plan, the
coordination list), the build of a whole district, and where each tambon stands (status)."""
