require ["vacation"];
vacation :days 7 :addresses ["me@example.com","m.e@example.com"] :subject "Out of office" text:
I am out of the office.
..and back next week.
.
;
