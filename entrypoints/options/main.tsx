import { render } from 'preact';
import '../../assets/app.css';
import { OptionsApp } from '../../components/OptionsApp';
import { createConnectionModel } from '../../utils/connection-model';
import { pageConnectionDeps, pageTokensDeps } from '../../utils/page-deps';
import { onSessionChange } from '../../utils/session';
import { createTokensModel } from '../../utils/tokens-model';

const connection = createConnectionModel(pageConnectionDeps());
const tokens = createTokensModel(pageTokensDeps());
render(<OptionsApp connection={connection} tokens={tokens} />, document.getElementById('app') as HTMLElement);
void connection.start().then(() => tokens.start());
// A session ended elsewhere (a 401 seen by the popup) shows here too.
onSessionChange(() => void connection.start().then(() => tokens.start()));
