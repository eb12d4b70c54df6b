-- The screen pop became a banner module of its own (SPEC B8, A4): agents who had a profile before
-- keep seeing their cards.
UPDATE agent SET modules = modules || ',SCREEN_POP' WHERE modules <> '';
UPDATE agent SET modules = 'SCREEN_POP' WHERE modules = '';
