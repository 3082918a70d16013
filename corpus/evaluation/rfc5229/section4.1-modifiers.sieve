# RFC 5229 §4.1: the modifier examples (rows 1-6), then more (rows 7-14):
# :upper and :lowerfirst; precedence (:upper before :lowerfirst,
# :quotewildcard before :length); :quotewildcard quotes "\"; :length counts
# characters, not octets; the case modifiers touch only A-Z and a-z. After
# each set, the value is filed into "N name=value".
require ["variables", "fileinto"];
set "a" "juMBlEd lETteRS";
fileinto "1 a=${a}";
set :length "b" "${a}";
fileinto "2 b=${b}";
set :lower "b" "${a}";
fileinto "3 b=${b}";
set :upperfirst "b" "${a}";
fileinto "4 b=${b}";
set :upperfirst :lower "b" "${a}";
fileinto "5 b=${b}";
set :quotewildcard "b" "Rock*";
fileinto "6 b=${b}";
set :upper "b" "${a}";
fileinto "7 b=${b}";
set :lowerfirst "b" "${a}";
fileinto "8 b=${b}";
set :lowerfirst :upper "b" "${a}";
fileinto "9 b=${b}";
set :quotewildcard "b" "a?b*c\\d";
fileinto "10 b=${b}";
set :length :quotewildcard "b" "Rock*";
fileinto "11 b=${b}";
set :length "b" "café";
fileinto "12 b=${b}";
set :upper "b" "café";
fileinto "13 b=${b}";
set :length "b" "";
fileinto "14 b=${b}";
