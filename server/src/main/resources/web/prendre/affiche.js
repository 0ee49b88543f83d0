// The poster of a site's phone page (/prendre/<site>/affiche), to print for the hall: the QR code of the page's
// address as this poster was opened (the address visitors reach), in four languages. For whoever sets up the site.

const siteId = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] || '');
const $ = id => document.getElementById(id);
const address = `${location.origin}/prendre/${encodeURIComponent(siteId)}`;

async function show() {
    const response = await fetch(`/api/v1/public/sites/${encodeURIComponent(siteId)}/menu`,
        { headers: { Accept: 'application/json' } });
    if (!response.ok) {
        $('status').textContent = 'Cette adresse ne correspond à aucun site. / This address matches no site.';
        $('qr').hidden = true;
        return;
    }
    const menu = await response.json();
    $('site-name').textContent = menu.site.name;
    $('qr').alt = `Code QR : ${address}`;
    $('qr').src = `/api/v1/public/sites/${encodeURIComponent(siteId)}/poster-qr.svg?origin=${
        encodeURIComponent(location.origin)}`;
    $('address').textContent = address;
}

show();
